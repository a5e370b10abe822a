using QRCoder;

namespace MotCua.Queues.Appointments;

/// <summary>The QR code of an appointment: it opens /hen/{code}/check-in (a PNG as a data URI, no JavaScript).</summary>
internal static class AppointmentQr
{
    public static string DataUri(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(6));
    }
}
