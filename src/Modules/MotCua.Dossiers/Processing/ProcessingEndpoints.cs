using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MotCua.Platform;
using MotCua.Platform.Errors;
using MotCua.Platform.Jobs;

namespace MotCua.Dossiers.Processing;

/// <summary>One resource per action under /api/v1/dossiers/{code}/…; each answers the dossier's new status.</summary>
internal static class ProcessingEndpoints
{
    public static IServiceCollection AddProcessing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ProcessContexts>();
        services.AddScoped<ProcessingActions>();
        services.AddScoped<DossierActionMenu>();
        services.AddScoped<WorkInbox>();
        services.AddScoped<LateApologies>();
        services.AddScoped<DossierClock>();
        services.AddSingleton(sp => new Slips.ProcessSlips(sp.GetRequiredService<Slips.SlipFonts>(), sp.GetRequiredService<IOptions<CenterOptions>>().Value.FullName));
        services.AddScoped<Slips.ProcessDocuments>();
        services.AddPeriodicJob<Jobs.SweepClocks>(TimeSpan.FromSeconds(configuration.GetValue("MotCua:Sweep:IntervalSeconds", 60)));
        return services;
    }

    public static IEndpointRouteBuilder MapProcessing(this IEndpointRouteBuilder app)
    {
        var d = app.MapGroup("/api/v1/dossiers/{code}").WithTags("Processing").RequireAuthorization();

        d.MapPost("/assignments", (string code, AssignmentRequest r, ProcessingActions a, CancellationToken ct) => a.AssignAsync(code, r, ct).ToHttp())
            .WithSummary("Assign or reassign a step (unit leader; a reason for a reassignment), or take it yourself (no assignee).");
        d.MapPost("/forwards", (string code, TaskRequest r, ProcessingActions a, CancellationToken ct) => a.ForwardAsync(code, r, ct).ToHttp())
            .WithSummary("Finish the step you hold and hand the dossier to the next step(s); answers a consultation. A leader of the next step's unit may name its specialist (nextAssignee, a user name).");
        d.MapPost("/send-backs", (string code, TaskRequest r, ProcessingActions a, CancellationToken ct) => a.SendBackAsync(code, r, ct).ToHttp())
            .WithSummary("Send the dossier back to the previous step, with the reason in comment.");
        d.MapPost("/consultations", (string code, ConsultationRequest r, ProcessingActions a, CancellationToken ct) => a.ConsultAsync(code, r, ct).ToHttp())
            .WithSummary("Ask another agency's opinion (liên thông); the step waits for the answer.");
        d.MapPost("/supplement-requests", (string code, SupplementRequest r, ProcessingActions a, CancellationToken ct) => a.RequestSupplementAsync(code, r, ct).ToHttp())
            .WithSummary("Ask the applicant for a supplement, each missing item with its reason: the clock pauses. A second round is flagged.");
        d.MapPost("/supplements", (string code, SupplementDelivery r, ProcessingActions a, CancellationToken ct) => a.SupplyAsync(code, r, ct).ToHttp())
            .WithSummary("The applicant's supplement received at a counter: the clock resumes (or restarts, per the process). For a supplement asked before reception (form 02), the completed dossier is received at once and its clock starts.");
        d.MapPost("/financial-obligations", (string code, ObligationRequest r, ProcessingActions a, CancellationToken ct) => a.RequestObligationAsync(code, r, ct).ToHttp())
            .WithSummary("Ask the applicant to pay a tax, fee or charge (VND): the clock pauses.");
        d.MapPost("/payments", (string code, PaymentRequest r, ProcessingActions a, CancellationToken ct) => a.ConfirmPaymentAsync(code, r, ct).ToHttp())
            .WithSummary("Record the payment (receipt number): the clock resumes.");
        d.MapPost("/extensions", (string code, ExtensionRequest r, ProcessingActions a, CancellationToken ct) => a.ExtendAsync(code, r, ct).ToHttp())
            .WithSummary("Apologise and set a new date (form 04): N more working days or an explicit date, reason and legal basis; once only.");
        d.MapPost("/approvals", (string code, ApprovalRequest r, ProcessingActions a, CancellationToken ct) => a.DecideAsync(code, r, ct).ToHttp())
            .WithSummary("The leader approves (\"approve\") or refuses with a reason (\"reject\") at the approval step.");
        d.MapPost("/results", (string code, ResultRequest r, ProcessingActions a, CancellationToken ct) => a.AttachResultAsync(code, r, ct).ToHttp())
            .WithSummary("Attach the result: its description and number, electronic documents (uploaded files) and whether a paper original exists.");
        d.MapPost("/returns", (string code, ReturnRequest r, ProcessingActions a, CancellationToken ct) => a.ReturnAsync(code, r, ct).ToHttp())
            .WithSummary("Return the result: at the counter, by post or electronically, to the owner or an authorised person.");
        d.MapPost("/withdrawals", (string code, ReasonRequest r, ProcessingActions a, CancellationToken ct) => a.WithdrawAsync(code, r, ct).ToHttp())
            .WithSummary("Record the applicant's request to withdraw the dossier: processing ends.");
        d.MapPost("/stops", (string code, ReasonRequest r, ProcessingActions a, CancellationToken ct) => a.StopAsync(code, r, ct).ToHttp())
            .WithSummary("Stop processing with a reason and legal basis (notice, form 05).");

        d.MapGet("/clock", async (string code, string? reason, Tracking.DossierDetails details, DossierClock clock, CancellationToken ct) =>
            {
                var (dossier, refused) = await details.RunAsync(code, reason, ct, "dossier.clock.read");
                return dossier is null ? Error.Problem(refused) : Results.Ok(await clock.ForAsync(dossier, ct));
            })
            .WithSummary("The dossier's clock now (running, paused, due soon, overdue, finished) with its explanation in Vietnamese and English.");

        app.MapGet("/api/v1/work", async (string? list, string? q, WorkInbox inbox, CancellationToken ct)
                => WorkInbox.Parse(list) is { } which
                    ? Results.Ok(await inbox.RunAsync(which, q, ct))
                    : Error.Invalid("list", "Danh sách phải là to-process, waiting, due-soon, overdue hoặc to-return.").ToProblem())
            .RequireAuthorization(p => p.RequireRole(WorkInbox.Roles))
            .WithTags("Processing")
            .WithSummary("My work list: to-process, waiting, due-soon, overdue or to-return; q searches code, applicant name (without accents) or ID number.");
        app.MapGet("/api/v1/work/alerts", async (WorkInbox inbox, CancellationToken ct) => Results.Ok(await inbox.AlertsAsync(ct)))
            .RequireAuthorization(p => p.RequireRole(WorkInbox.Roles))
            .WithTags("Processing")
            .WithSummary("The latest due-soon, overdue and apology warnings for me or my unit.");

        app.MapGet("/api/v1/work/late-apologies", async (LateApologies late, CancellationToken ct) => Results.Ok(await late.RunAsync(ct)))
            .RequireAuthorization(p => p.RequireRole(LateApologies.Roles))
            .WithTags("Processing")
            .WithSummary("Managers' count of late apologies (form 04 recorded less than one working day before the due instant, Decree 118/2025) in my unit's dossiers (every dossier for the center's director).");

        d.MapGet("/control-sheet", (string code, string? reason, HttpRequest http, Slips.ProcessDocuments docs, IOptions<CenterOptions> center, CancellationToken ct)
                => docs.ControlSheetAsync(code, reason, TrackingUrl(http, center.Value, code), ct).ToFile("application/pdf", $"{code}-mau-06.pdf"))
            .WithSummary("The process control sheet (form 06) as PDF: every hand-over with times, names and on-time marks.");
        d.MapGet("/apology", (string code, string? reason, HttpRequest http, Slips.ProcessDocuments docs, IOptions<CenterOptions> center, CancellationToken ct)
                => docs.ApologyAsync(code, reason, TrackingUrl(http, center.Value, code), ct).ToFile("application/pdf", $"{code}-mau-04.pdf"))
            .WithSummary("The apology and new appointment (form 04) as PDF, once an extension is recorded.");
        d.MapGet("/stop-notice", (string code, string? reason, HttpRequest http, Slips.ProcessDocuments docs, IOptions<CenterOptions> center, CancellationToken ct)
                => docs.StopNoticeAsync(code, reason, TrackingUrl(http, center.Value, code), ct).ToFile("application/pdf", $"{code}-mau-05.pdf"))
            .WithSummary("The notice of stopping (form 05) as PDF.");

        app.MapGet("/api/v1/book", (DateOnly? from, DateOnly? to, string? reason, int? year, Guid? unit, Slips.ProcessDocuments docs, IOptions<CenterOptions> center, TimeProvider time, CancellationToken ct) =>
            {
                // A book year alone means the whole book of that year.
                var today = Book.TrackingBook.Today(time);
                var start = from ?? (year is >= 2000 and <= 2100 ? new DateOnly(year.Value, 1, 1) : today);
                var end = to ?? (from is null && year is >= 2000 and <= 2100 ? new DateOnly(year.Value, 12, 31) : start);
                return docs.BookAsync(reason, center.Value.Name, start, end, ct, year, unit).ToFile("application/pdf", "so-theo-doi-mau-07.pdf");
            })
            .RequireAuthorization(p => p.RequireRole(MotCua.Platform.Identity.StaffRoles.ReceptionOfficer, MotCua.Platform.Identity.StaffRoles.BranchManager, MotCua.Platform.Identity.StaffRoles.CenterDirector, MotCua.Platform.Identity.StaffRoles.Auditor))
            .WithTags("Processing")
            .WithSummary("The tracking book (form 07) of your unit for a period (from, to: local days; year: one book year, alone its whole year) as PDF, rows by entry number; every unit's (or one: unit) for the director, and for an auditor with a reason.");
        return app;
    }

    private static string TrackingUrl(HttpRequest http, CenterOptions center, string code)
        => $"{center.BaseUrl(http)}/tra-cuu?code={Uri.EscapeDataString(code)}";
}
