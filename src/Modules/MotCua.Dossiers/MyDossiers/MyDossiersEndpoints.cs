using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MotCua.Integrations.Contracts;
using MotCua.Platform.Audit;
using MotCua.Platform.Errors;
using MotCua.Platform.Identity;
using MotCua.Platform.Storage;

namespace MotCua.Dossiers.MyDossiers;

internal sealed record SupplyRequest(IReadOnlyList<SuppliedItem>? Items, string? Note);

internal sealed record WithdrawRequest(string? Reason);

/// <summary>The signed-in citizen's API (/api/v1/me/…) and the result download; everything is scoped to the citizen.</summary>
internal static class MyDossiersEndpoints
{
    public static IEndpointRouteBuilder MapMyDossiers(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/v1/me").WithTags("Citizen").RequireAuthorization(CitizenAuthentication.Policy);
        me.MapGet("/dossiers", async (CitizenDossiers dossiers, CurrentCitizen citizen, CancellationToken ct) => Results.Ok(await dossiers.ListAsync(citizen.IdNumber, ct)))
            .WithSummary("My dossiers (as applicant or as the person who filed), newest first, with what I need to do.");
        me.MapPost("/applications", async (Apply.ApplicationRequest request, [Microsoft.AspNetCore.Mvc.FromHeader(Name = "Idempotency-Key")] string? key,
                Apply.SubmitAsCitizen submit, CancellationToken ct) =>
            {
                return (await submit.RunAsync(request, key, ct)).ToCreated(created => $"/api/v1/me/dossiers/{created.Code}");
            })
            .RequireRateLimiting(MotCua.Platform.Http.RateLimits.PublicWrite)
            .Produces<MotCua.Dossiers.Reception.ReceptionResult>(StatusCodes.Status201Created)
            .WithSummary("File a dossier online as the signed-in citizen: the portal form's values (formData, checked by the same e-form validator), its files (your own uploads, or documents of your store by id or by the dossier they are in), whom it is for (self; person or organisation with the authorisation document). The same use case and messages as the portal's page; it gets its code and waits for reception. Idempotency-Key makes a retry safe.");
        me.MapGet("/dossiers/{code}", async (string code, CitizenDossiers dossiers, CurrentCitizen citizen, CancellationToken ct)
                => await dossiers.FindAsync(citizen.IdNumber, code, ct) is { } d ? Results.Ok(d) : NotMine())
            .WithSummary("One of my dossiers with its timeline (no officer names), the supplement asked for, the fee, the result.");
        me.MapPost("/dossiers/{code}/supplements", async (string code, SupplyRequest r, CitizenActions actions, CurrentCitizen citizen, CancellationToken ct)
                => await actions.SupplyAsync(citizen.IdNumber, code, r.Items ?? [], r.Note, ct).ToNoContent())
            .Produces(StatusCodes.Status204NoContent)
            .WithSummary("Supply what the supplement request listed: one uploaded file (POST /api/v1/attachments) per listed item.");
        me.MapPost("/dossiers/{code}/withdrawals", async (string code, WithdrawRequest r, CitizenActions actions, CurrentCitizen citizen, CancellationToken ct)
                => await actions.WithdrawAsync(citizen.IdNumber, code, r.Reason, ct).ToNoContent())
            .Produces(StatusCodes.Status204NoContent)
            .WithSummary("Withdraw my dossier, with a reason.");
        me.MapPost("/dossiers/{code}/ratings", async (string code, RatingRequest r, CitizenActions actions, CurrentCitizen citizen, CancellationToken ct)
                => await actions.RateAsync(citizen.IdNumber, code, r, ct).ToNoContent())
            .Produces(StatusCodes.Status204NoContent)
            .WithSummary("Rate a finished dossier once: a score for every criterion (GET /api/v1/rating-criteria), like/dislike, a comment.");
        me.MapGet("/documents", async (CitizenDocuments store, CurrentCitizen citizen, CancellationToken ct) => Results.Ok(await store.ListAsync(citizen.IdNumber, ct)))
            .WithSummary("My document store: files of my earlier dossiers and the electronic results issued to me, each once, to reuse in a new dossier by its id.");
        me.MapGet("/access-log", async (AccessLog log, CurrentCitizen citizen, CancellationToken ct) => Results.Ok(await log.RunAsync(citizen.IdNumber, ct)))
            .WithSummary("Who read or changed my dossiers, and when.");
        app.MapGet("/api/v1/rating-criteria", () => Results.Ok(new { indices = Ratings.RatingCriteria.Indices, questions = Ratings.RatingCriteria.Questions }))
            .WithTags("Citizen")
            .WithSummary("The satisfaction criteria (kept as data).");

        app.MapGet("/portal/ho-so/{code}/ket-qua/{sha}", async (string code, string sha, CitizenDossiers dossiers, CurrentCitizen citizen, IFileStore files, CancellationToken ct) =>
            {
                var d = await dossiers.FindAsync(citizen.IdNumber, code, ct);
                var document = d?.ResultDocuments.FirstOrDefault(f => f.Sha256 == sha);
                if (document is null || await files.OpenAsync(sha, ct) is not { } stream)
                {
                    return NotMine();
                }

                return Results.Stream(stream, document.ContentType, document.FileName);
            })
            .RequireAuthorization(CitizenAuthentication.Policy)
            .ExcludeFromDescription();
        app.MapGet("/portal/giay-to/{id:guid}", async (Guid id, CitizenDocuments store, CurrentCitizen citizen, IFileStore files, AuditTrail audit, CancellationToken ct) =>
            {
                if (await store.FindAsync(citizen.IdNumber, id, ct) is not { } document || await files.OpenAsync(document.Sha256, ct) is not { } stream)
                {
                    return new Error("not-found", "Không tìm thấy giấy tờ này trong kho dữ liệu của bạn.", StatusCodes.Status404NotFound).ToProblem();
                }

                await audit.RecordReadAsync("portal.document.read", $"dossier:{document.DossierCode}", ct);
                return Results.Stream(stream, document.ContentType, document.FileName);
            })
            .RequireAuthorization(CitizenAuthentication.Policy)
            .ExcludeFromDescription();
        return app;
    }

    private static IResult NotMine() => new Error("not-found", "Không tìm thấy hồ sơ của bạn với mã này.", StatusCodes.Status404NotFound).ToProblem();
}
