using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MotCua.Dossiers.Applicants;
using MotCua.Dossiers.Attachments;
using MotCua.Dossiers.Online;
using MotCua.Dossiers.Processes;
using MotCua.Dossiers.Processing;
using MotCua.Dossiers.Reception;
using MotCua.Dossiers.Tracking;
using MotCua.Integrations.Contracts;
using MotCua.Platform;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Platform.Identity;
using MotCua.Platform.Jobs;

namespace MotCua.Dossiers;

/// <summary>The Dossiers module's front door: reception (counter and online), attachments, tracking.</summary>
public static class DossiersModule
{
    /// <summary>Rate-limiter policy names (configured by the web app).</summary>
    public const string PublicLookup = "public-lookup";
    public const string PublicWrite = "public-write";

    /// <summary>Staff land here after signing in and when they open "/": what waits for them.</summary>
    public const string StaffHomePath = "/staff";

    public static IServiceCollection AddDossiers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IModelContributor, DossiersModel>();
        services.AddScoped<DueDates>();
        services.AddScoped<AgencyResolver>();
        services.AddScoped<DossierDraft>();
        services.AddScoped<UploadAttachment>();
        services.AddSingleton<IModelContributor, StoredUploadsModel>();
        services.AddSingleton<UploadTokens>();
        services.AddScoped<CurrentUploader>();
        services.AddScoped<FileOwnership>();
        services.AddPeriodicJob<CollectUnreferencedFiles>(TimeSpan.FromSeconds(configuration.GetValue("MotCua:Uploads:CollectSeconds", 3600)));
        services.AddScoped<ReceiveAtCounter>();
        Indicators.IndicatorEndpoints.AddIndicators(services);
        services.AddScoped<SubmitOnline>();
        services.AddScoped<DecideOnline>();
        services.AddScoped<WaitingQueue>();
        services.AddScoped<TrackDossier>();
        services.AddScoped<Contracts.IDossierLookup>(sp => sp.GetRequiredService<TrackDossier>());
        services.AddScoped<DossierDetails>();
        services.AddScoped<Book.TrackingBook>();
        services.AddScoped<Slips.SlipContacts>();
        services.Configure<Slips.PdfOptions>(configuration.GetSection(Slips.PdfOptions.Section));
        services.AddSingleton(sp =>
        {
            var pdf = sp.GetRequiredService<IOptions<Slips.PdfOptions>>().Value;
            return new Slips.SlipFonts(pdf.Font, pdf.BoldFont);
        });
        services.AddSingleton(sp => new Slips.DossierSlips(sp.GetRequiredService<Slips.SlipFonts>(), sp.GetRequiredService<IOptions<CenterOptions>>().Value.FullName));
        services.AddProcesses();
        services.AddProcessing(configuration);
        StaffHome.StaffHomeEndpoints.AddStaffHome(services);

        // The citizen's side of the same dossiers: filing, drafts, my dossiers, documents, access log, ratings.
        services.AddSingleton<IModelContributor, Apply.DraftsModel>();
        services.AddScoped<Apply.Drafts>();
        services.AddScoped<Apply.SubmitApplication>();
        services.AddScoped<Apply.SubmitAsCitizen>();
        services.AddScoped<MyDossiers.CitizenDossiers>();
        services.AddScoped<MyDossiers.CitizenActions>();
        services.AddScoped<MyDossiers.AccessLog>();
        services.AddScoped<MyDossiers.CitizenDocuments>();
        services.AddSingleton<IModelContributor, Ratings.RatingsModel>();
        return services;
    }

    public static IEndpointRouteBuilder MapDossiers(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Dossiers");
        StaffHome.StaffHomeEndpoints.MapStaffHome(app);
        string[] receptionRoles = [StaffRoles.ReceptionOfficer, StaffRoles.BranchManager, StaffRoles.CenterDirector];

        api.MapPost("/attachments", async (HttpRequest http, UploadAttachment upload, CurrentUploader uploader, CancellationToken ct) =>
            {
                // Whose the upload is decides first: a signed-in session, or the upload token of a form in progress
                // (header X-Upload-Token, or the form field uploadToken); nobody's is refused before the body is read.
                var token = http.Headers[UploadTokens.Header].ToString();
                if (token.Length == 0 && !http.HasFormContentType && (await uploader.ResolveAsync(null)).Error is { } nobody)
                {
                    return nobody.ToProblem();
                }

                // Read asynchronously: a body over the server's limit is a BadHttpRequestException (413), an unreadable
                // multipart body an InvalidDataException (400); both are answered by the platform's handler.
                var form = http.HasFormContentType ? await http.ReadFormAsync(ct) : null;
                if (token.Length == 0 && form?[UploadTokens.Field].ToString() is { Length: > 0 } posted)
                {
                    token = posted;
                }

                if ((await uploader.ResolveAsync(token)).Error is { } refused)
                {
                    return refused.ToProblem();
                }

                if (form is not { Files.Count: 1 })
                {
                    return Error.Invalid("file", "Gửi đúng một tệp trong trường \"file\" (multipart/form-data).").ToProblem();
                }

                var file = form.Files[0];
                await using var stream = file.OpenReadStream();
                return (await upload.RunAsync(stream, file.FileName, file.Length, ct, token)).ToCreated(stored => $"/api/v1/attachments/{stored.Sha256}");
            })
            .DisableAntiforgery()
            .RequireRateLimiting(PublicWrite)
            .Produces<UploadedFile>(StatusCodes.Status201Created)
            .WithSummary("Store a scan or upload (PDF, JPG, PNG; 10 MB) before the dossier that uses it; answers its SHA-256. Needs a signed-in session (citizen or staff) or the upload token of a form in progress (X-Upload-Token); the file is the uploader's to attach, and is deleted after a day if nothing refers to it.");

        api.MapPost("/dossiers", async (ReceptionRequest request, [Microsoft.AspNetCore.Mvc.FromHeader(Name = "Idempotency-Key")] string? key, ReceiveAtCounter receive, CancellationToken ct) =>
            {
                return (await receive.RunAsync(request, ct, key)).ToCreated(created => $"/api/v1/dossiers/{created.Code}");
            })
            .RequireAuthorization(p => p.RequireRole(receptionRoles))
            .Produces<ReceptionResult>(StatusCodes.Status201Created)
            .WithSummary("Counter reception: receive (form 01), ask for a supplement (form 02) or refuse (form 03).");

        api.MapGet("/dossiers/waiting", async (int? take, WaitingQueue queue, CancellationToken ct) => Results.Ok(await queue.RunAsync(take ?? 100, ct)))
            .RequireAuthorization(p => p.RequireRole(receptionRoles))
            .WithSummary("Online dossiers waiting for reception, oldest first.");

        api.MapPost("/dossiers/{code}/receptions", async (string code, OnlineDecision decision, DecideOnline decide, CancellationToken ct) =>
            {
                return (await decide.RunAsync(code, decision, ct)).ToHttp();
            })
            .RequireAuthorization(p => p.RequireRole(receptionRoles))
            .WithSummary("Decide on an online dossier: receive, ask for a supplement, or refuse (409 if already decided).");

        api.MapGet("/dossiers/{code}", async (string code, string? reason, DossierDetails details, CancellationToken ct) =>
            {
                var (dossier, refused) = await details.RunAsync(code, reason, ct);
                return dossier is null ? Error.Problem(refused) : Results.Ok(StaffView.From(dossier));
            })
            .RequireAuthorization()
            .WithSummary("The whole dossier for staff of the units that received, decide or process it, the center's director, and auditors with a reason (?reason=, kept in the audit trail). Every read is audited.");

        api.MapGet("/dossiers/{code}/slip", SlipAsync)
            .RequireAuthorization()
            .WithSummary("The printable slip for the dossier's status: form 01 (receipt and appointment), 02 (supplement) or 03 (refusal), as PDF.");

        app.MapGet("/dossiers/{code}/slip.pdf", SlipAsync).RequireAuthorization().ExcludeFromDescription();

        api.MapGet("/tracking/{code}", async (string code, TrackDossier track, CancellationToken ct)
                => await track.RunAsync(code, ct) is { } d ? Results.Ok(d) : NotFoundDossier())
            .RequireRateLimiting(PublicLookup)
            .WithSummary("Public tracking by code: status, dates and timeline, without personal data.");

        app.MapProcesses();
        app.MapProcessing();
        Indicators.IndicatorEndpoints.MapIndicators(app);
        MyDossiers.MyDossiersEndpoints.MapMyDossiers(app);
        return app;
    }

    private static async Task<IResult> SlipAsync(string code, string? reason, HttpRequest http, DossierDetails details, Slips.DossierSlips slips, Slips.SlipContacts contacts, IOptions<CenterOptions> center, CancellationToken ct)
    {
        var (dossier, refused) = await details.RunAsync(code, reason, ct, "dossier.slip.read");
        if (dossier is null)
        {
            return Error.Problem(refused);
        }

        var phone = dossier.Status == DossierStatus.SupplementRequested ? await contacts.OfficerPhoneAsync(dossier, ct) : null;
        return slips.Render(dossier, $"{center.Value.BaseUrl(http)}/tra-cuu?code={Uri.EscapeDataString(code)}", phone, ct).ToFile("application/pdf", $"{code}.pdf");
    }

    public static IResult NotFoundDossier()
        => new Error("not-found", "Không tìm thấy hồ sơ. Vui lòng kiểm tra lại mã hồ sơ trên giấy tiếp nhận.", StatusCodes.Status404NotFound).ToProblem();
}
