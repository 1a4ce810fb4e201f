using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Anarchy.Tests.View;

/// <summary>
/// A real Chromium, headless, driven through the DevTools protocol: opens a page, evaluates script in it and takes
/// screenshots. The browser is Debian's <c>chromium</c> (or the one <c>ANARCHY_CHROMIUM</c> names); the test fails,
/// rather than skips, without one, since the page's tests are only meaningful in a browser.
/// </summary>
internal sealed class HeadlessBrowser : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private int _next;

    private HeadlessBrowser(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>The browser's executable: ANARCHY_CHROMIUM, else chromium or chromium-browser on the PATH.</summary>
    public static string Executable()
    {
        string? configured = Environment.GetEnvironmentVariable("ANARCHY_CHROMIUM");
        if (!string.IsNullOrEmpty(configured)) return configured;
        foreach (string name in new[] { "chromium", "chromium-browser", "google-chrome" })
        {
            foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
            {
                string path = Path.Combine(dir, name);
                if (File.Exists(path)) return path;
            }
        }
        throw new InvalidOperationException("no Chromium to test the page in: install Debian's chromium (apt-get install chromium) or set ANARCHY_CHROMIUM");
    }

    public static async Task<HeadlessBrowser> OpenAsync(string file)
    {
        string profile = Path.Combine(Path.GetTempPath(), $"anarchy-chromium-{Guid.NewGuid():N}");
        Directory.CreateDirectory(profile);
        var start = new ProcessStartInfo(Executable())
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (string arg in new[] { "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--remote-debugging-port=0",
                     $"--user-data-dir={profile}", "--window-size=1150,760", new Uri(Path.GetFullPath(file)).AbsoluteUri })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var browser = new HeadlessBrowser(process, profile);
        try
        {
            await browser.ConnectAsync();
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
        return browser;
    }

    private async Task ConnectAsync()
    {
        // The browser writes its port to DevToolsActivePort in the profile once it listens.
        string portFile = Path.Combine(_profile, "DevToolsActivePort");
        var clock = Stopwatch.StartNew();
        while (!File.Exists(portFile) || (await File.ReadAllLinesAsync(portFile)).Length < 2)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(30)) throw new TimeoutException("Chromium did not open its DevTools port within 30 s");
            if (_process.HasExited) throw new InvalidOperationException($"Chromium exited with code {_process.ExitCode}");
            await Task.Delay(100);
        }
        int port = int.Parse((await File.ReadAllLinesAsync(portFile))[0], System.Globalization.CultureInfo.InvariantCulture);
        using var http = new HttpClient();
        string? socketUrl = null;
        while (socketUrl is null)
        {
            using var targets = JsonDocument.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/json/list")));
            socketUrl = targets.RootElement.EnumerateArray()
                .Where(t => t.GetProperty("type").GetString() == "page" && t.GetProperty("url").GetString()!.StartsWith("file:", StringComparison.Ordinal))
                .Select(t => t.GetProperty("webSocketDebuggerUrl").GetString())
                .FirstOrDefault();
            if (socketUrl is null)
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(30)) throw new TimeoutException("Chromium opened no page for the file");
                await Task.Delay(100);
            }
        }
        await _socket.ConnectAsync(new Uri(socketUrl), CancellationToken.None);
    }

    /// <summary>Sends a DevTools command and returns its result.</summary>
    public async Task<JsonElement> SendAsync(string method, object parameters)
    {
        int id = ++_next;
        byte[] message = JsonSerializer.SerializeToUtf8Bytes(new { id, method, @params = parameters });
        await _socket.SendAsync(message, WebSocketMessageType.Text, true, CancellationToken.None);
        var buffer = new byte[1 << 16];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            using var received = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await _socket.ReceiveAsync(buffer, timeout.Token);
                received.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);
            using var reply = JsonDocument.Parse(received.ToArray());
            if (!reply.RootElement.TryGetProperty("id", out var replyId) || replyId.GetInt32() != id) continue; // an event
            if (reply.RootElement.TryGetProperty("error", out var error)) throw new InvalidOperationException($"{method}: {error}");
            return reply.RootElement.GetProperty("result").Clone();
        }
    }

    /// <summary>Evaluates a script expression in the page and returns its value (thrown exceptions are rethrown).</summary>
    public async Task<JsonElement> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new { expression, returnByValue = true, awaitPromise = true });
        if (result.TryGetProperty("exceptionDetails", out var exception)) throw new InvalidOperationException($"script failed: {exception}");
        var value = result.GetProperty("result");
        return value.TryGetProperty("value", out var v) ? v.Clone() : default;
    }

    /// <summary>Waits until the expression is true in the page.</summary>
    public async Task WaitForAsync(string expression, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!(await EvaluateAsync(expression)).ValueKind.Equals(JsonValueKind.True))
        {
            if (clock.Elapsed > limit) throw new TimeoutException($"'{expression}' did not become true within {limit.TotalSeconds} s");
            await Task.Delay(50);
        }
    }

    /// <summary>A PNG of the page as it is drawn now.</summary>
    public async Task<byte[]> ScreenshotAsync()
    {
        var result = await SendAsync("Page.captureScreenshot", new { format = "png" });
        return Convert.FromBase64String(result.GetProperty("data").GetString()!);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open) await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        }
        catch (WebSocketException)
        {
        }
        _socket.Dispose();
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
