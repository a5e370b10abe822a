using Microsoft.AspNetCore.Http;

namespace MotCua.Platform.Errors;

/// <summary>
/// The outcome of a use case: a value, or the refusals a user can read (never both). Use cases return it; pages
/// deconstruct it (<c>var (value, errors) = await useCase.RunAsync(…)</c>) and endpoints answer it with one mapping
/// (<see cref="ResultHttp"/>): 200 with the value, or RFC 9457 problem details with the first error's status.
/// </summary>
public readonly record struct Result<T>
{
    private readonly IReadOnlyList<Error>? errors;

    internal Result(T? value, IReadOnlyList<Error>? errors)
    {
        Value = value;
        this.errors = errors;
    }

    /// <summary>The value; <c>default</c> when refused.</summary>
    public T? Value { get; }

    /// <summary>The refusals, in the order found; empty when the use case succeeded.</summary>
    public IReadOnlyList<Error> Errors => errors ?? [];

    public bool Succeeded => Errors.Count == 0;

    /// <summary>The first refusal (null when the use case succeeded).</summary>
    public Error? Error => Errors.Count > 0 ? Errors[0] : null;

    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(Error error) => new(default, [error]);

    /// <summary>Refused for these reasons (at least one).</summary>
    public static implicit operator Result<T>(List<Error> errors) => Result.Fail<T>(errors);

    public void Deconstruct(out T? value, out IReadOnlyList<Error> refusals)
    {
        value = Value;
        refusals = Errors;
    }

    /// <summary>The same refusals as another type's outcome.</summary>
    public Result<TOther> Cast<TOther>() => Succeeded ? throw new InvalidOperationException("Only a refusal can change its type.") : Result.Fail<TOther>(Errors);
}

/// <summary>The value of a use case that answers nothing but "done" (a removal, a cancellation).</summary>
public readonly record struct Done
{
    public static readonly Done Value;
}

/// <summary>Building outcomes where the implicit conversions do not reach (a value typed as an interface, a list of errors).</summary>
public static class Result
{
    public static Result<T> Ok<T>(T value) => new(value, null);

    /// <summary>Refused for these reasons (at least one).</summary>
    public static Result<T> Fail<T>(IReadOnlyList<Error> errors)
        => errors.Count > 0 ? new(default, errors) : throw new ArgumentException("A refusal needs at least one error.", nameof(errors));
}

/// <summary>The one mapping of use-case outcomes to HTTP answers.</summary>
public static class ResultHttp
{
    /// <summary>200 with the value, or the problem details of the refusals.</summary>
    public static IResult ToHttp<T>(this Result<T> result)
        => result.Succeeded ? Results.Ok(result.Value) : Error.Problem(result.Errors);

    /// <summary>Mapped as it completes.</summary>
    public static async Task<IResult> ToHttp<T>(this Task<Result<T>> result) => (await result).ToHttp();

    /// <summary>201 with the value at <paramref name="location"/>, or the problem details of the refusals.</summary>
    public static IResult ToCreated<T>(this Result<T> result, Func<T, string> location)
        => result.Succeeded ? Results.Created(location(result.Value!), result.Value) : Error.Problem(result.Errors);

    public static async Task<IResult> ToCreated<T>(this Task<Result<T>> result, Func<T, string> location) => (await result).ToCreated(location);

    /// <summary>204, or the problem details of the refusals.</summary>
    public static IResult ToNoContent<T>(this Result<T> result)
        => result.Succeeded ? Results.NoContent() : Error.Problem(result.Errors);

    public static async Task<IResult> ToNoContent<T>(this Task<Result<T>> result) => (await result).ToNoContent();

    /// <summary>A file (a rendered PDF), or the problem details of the refusals.</summary>
    public static IResult ToFile(this Result<byte[]> result, string contentType, string fileName)
        => result.Succeeded ? Results.File(result.Value!, contentType, fileName) : Error.Problem(result.Errors);

    public static async Task<IResult> ToFile(this Task<Result<byte[]>> result, string contentType, string fileName) => (await result).ToFile(contentType, fileName);
}
