using Anarchy.Studies;

namespace Anarchy.Tests.Studies;

/// <summary>
/// Runs a study's quick version once, into a fresh folder under the system's temporary folder that is deleted
/// afterwards: the common part of the studies' class fixtures. The quick versions are seeded, so their numbers are
/// the same on every machine and thread count.
/// </summary>
public abstract class QuickStudyRun : IDisposable
{
    protected QuickStudyRun(ResearchStudy study)
    {
        ArgumentNullException.ThrowIfNull(study);
        Study = study;
        Folder = Path.Combine(Path.GetTempPath(), $"anarchy-{study.Name}-{Guid.NewGuid():N}");
        Result = StudyRunner.Run(study, new StudyOptions { OutputPath = Folder, Quick = true });
        Report = File.ReadAllText(Result.ReportPath);
    }

    public ResearchStudy Study { get; }

    public string Folder { get; }

    public StudyRunResult Result { get; }

    /// <summary>The text of report.md.</summary>
    public string Report { get; }

    /// <summary>The runs table of one arm.</summary>
    public ResultTable Arm(string arm) => ResultTable.Read(Path.Combine(Folder, "arms", arm), "runs.csv");

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing && Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }
}
