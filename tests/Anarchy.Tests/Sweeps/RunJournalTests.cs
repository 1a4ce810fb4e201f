using Anarchy.Output;
using Anarchy.Sweeps;
using Anarchy.Tests.Cli;

namespace Anarchy.Tests.Sweeps;

public sealed class RunJournalTests
{
    private static Cell[] Row(int i) => [i, i * 0.5, i % 2 == 0 ? "even" : null, double.NaN];

    [Fact]
    public void RowsReadBackExactlyAndAppendingContinuesAfterReopening()
    {
        using var scratch = new ScratchFolder();
        string path = scratch["journal.bin"];
        using (var journal = RunJournal.OpenForAppend(path))
            for (int i = 0; i < 5; i++) journal.Append(Row(i));
        using (var journal = RunJournal.OpenForAppend(path))
        {
            Assert.Equal(5, journal.Records);
            journal.Append(Row(5));
        }
        var rows = RunJournal.ReadRows(path).ToList();
        Assert.Equal(6, rows.Count);
        for (int i = 0; i < 6; i++) Assert.Equal(Row(i), rows[i]);
    }

    [Fact]
    public void ARecordTornByACrashIsCutOffAndTheRestKept()
    {
        using var scratch = new ScratchFolder();
        string path = scratch["journal.bin"];
        using (var journal = RunJournal.OpenForAppend(path))
            for (int i = 0; i < 3; i++) journal.Append(Row(i));
        long whole = new FileInfo(path).Length;
        using (var stream = new FileStream(path, FileMode.Open))
            stream.SetLength(whole - 5); // the last record lost its tail, as when the process dies mid-write

        using (var journal = RunJournal.OpenForAppend(path))
        {
            Assert.Equal(2, journal.Records);
            journal.Append(Row(7));
        }
        Assert.Equal([Row(0), Row(1), Row(7)], RunJournal.ReadRows(path).ToList());
    }
}
