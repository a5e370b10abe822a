namespace MotCua.Platform.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
