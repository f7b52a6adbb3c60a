using System.Globalization;
using StudyBot.Data.Entities;
using StudyBot.Data.Fitting;

namespace StudyBot.Features.Settings;

/// <summary>How /settings describes a student's schedule and the result of fitting it.</summary>
public static class ScheduleViews
{
    public static string Schedule(UserSettings settings, FsrsFit? latest)
    {
        if (settings.FsrsFitId is not null && latest is not null)
        {
            var adopted = latest.Adopted && latest.Id == settings.FsrsFitId
                ? latest
                : null;
            return adopted is not null
                ? Invariant($"**personal**: FSRS-6 weights fitted to your {adopted.Reviews} answers on {adopted.FittedUtc:yyyy-MM-dd} (log loss {adopted.LogLossBefore:0.000} → {adopted.LogLossAfter:0.000}). Refitted weekly after {StudentFitter.ReviewsPerFit} more answers.")
                : Invariant($"**personal**: FSRS-6 weights fitted to your answers (last fit {latest.FittedUtc:yyyy-MM-dd} kept them). Refitted weekly after {StudentFitter.ReviewsPerFit} more answers.");
        }
        var tried = latest is null ? "" : Invariant($" Last fit {latest.FittedUtc:yyyy-MM-dd} predicted no better, so the defaults stay.");
        return Invariant($"**default** FSRS-6 weights.{tried} Personal weights are fitted weekly once you have {StudentFitter.ReviewsPerFit} answers, or now with `/settings optimize:true`.");
    }

    public static string Outcome(FitOutcome outcome) => outcome.Status switch
    {
        FitStatus.Adopted => Invariant($"Fitted to your {outcome.Reviews} answers: log loss {outcome.LogLossBefore:0.0000} → {outcome.LogLossAfter:0.0000}. Your reviews are now scheduled with your own weights."),
        FitStatus.KeptCurrent => Invariant($"Fitted to your {outcome.Reviews} answers, but the new weights predict them no better (log loss {outcome.LogLossBefore:0.0000} → {outcome.LogLossAfter:0.0000}): your schedule stays as it was."),
        _ => Invariant($"Not enough history yet ({outcome.Reviews} answers): a fit needs cards you reviewed again on a later day. Keep studying and try again."),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
