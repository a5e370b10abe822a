namespace MotCua.Organisation.Contracts;

public enum UnitLevel
{
    Province = 1,
    Commune = 2,
}
