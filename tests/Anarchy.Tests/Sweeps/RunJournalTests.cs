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

    [Fact]
    public void OpeningWithALimitKeepsOnlyThatManyRowsAndWritesBufferedRowsOnFlush()
    {
        using var scratch = new ScratchFolder();
        string path = scratch["journal.bin"];
        using (var journal = RunJournal.OpenForAppend(path))
        {
            for (int i = 0; i < 3; i++) journal.Write(Row(i));
            journal.Flush();
            journal.Append(Row(3));
        }
        Assert.Equal([Row(0), Row(1), Row(2), Row(3)], RunJournal.ReadRows(path).ToList());
        using (var journal = RunJournal.OpenForAppend(path, 2))
        {
            Assert.Equal(2, journal.Records);
            journal.Append(Row(9));
        }
        Assert.Equal([Row(0), Row(1), Row(9)], RunJournal.ReadRows(path).ToList());
        using (var journal = RunJournal.OpenForAppend(path, 0)) Assert.Equal(0, journal.Records);
        Assert.Equal(0, RunJournal.Count(path));
    }

    [Fact]
    public void ACompactJournalReadsBackEveryValueExactlyInFewerBytes()
    {
        using var scratch = new ScratchFolder();
        Cell[][] rows =
        [
            [0L, -1L, 63L, -64L, 64L, long.MaxValue, long.MinValue, 1.5, double.NaN, "", null, "Österreich-Ungarn"],
            [Cell.FromInt64(-1)],
            [12L, 300L, 20_000L, -123_456_789L, 0.1, "GMY"],
        ];
        foreach (bool compact in new[] { false, true })
        {
            string path = scratch[compact ? "compact.bin" : "plain.bin"];
            using (var journal = RunJournal.OpenAt(path, 0, 0, compact))
                foreach (var row in rows) journal.Append(row);
            var back = RunJournal.ReadRows(path).ToList();
            Assert.Equal(rows.Length, back.Count);
            for (int r = 0; r < rows.Length; r++)
            {
                Assert.Equal(rows[r].Length, back[r].Length);
                for (int c = 0; c < rows[r].Length; c++)
                {
                    Assert.Equal(rows[r][c].Kind, back[r][c].Kind);
                    Assert.Equal(rows[r][c], back[r][c]);
                }
            }
        }
        // Small integers take one or two bytes instead of eight.
        Assert.True(new FileInfo(scratch["compact.bin"]).Length < new FileInfo(scratch["plain.bin"]).Length - 40);
    }
}
