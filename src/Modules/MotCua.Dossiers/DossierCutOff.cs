namespace MotCua.Dossiers;

/// <summary>The reception cut-off a dossier's clock counts with (giờ chốt tiếp nhận).</summary>
internal sealed partial class Dossier
{
    /// <summary>
    /// Before an online dossier is received: the cut-off in force at reception (the procedure version's, the
    /// process's or the organisation's default). A dossier already received keeps the one it was received with.
    /// </summary>
    public void CountWithCutOff(TimeOnly? cutOff)
    {
        if (ReceivedAt is null)
        {
            ProcessingCutOff = cutOff;
        }
    }
}
