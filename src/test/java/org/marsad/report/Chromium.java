package org.marsad.report;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens a page in headless Debian Chromium: {@link #check} loads it and returns what the page
 * recorded in {@code #marsad-check} (errors, per-chart status) plus every console line Chromium
 * logged; {@link #screenshot} saves a PNG. A missing browser fails the test (CI installs it).
 */
final class Chromium {

  /** What the browser saw: the page's own record and Chromium's console log lines. */
  record Result(JsonNode check, List<String> console, String dom) {}

  private static final Pattern CHECK =
      Pattern.compile("<pre id=\"marsad-check\"[^>]*>(.*?)</pre>", Pattern.DOTALL);
  private static final Pattern CONSOLE = Pattern.compile(":CONSOLE[:(]");
  private static final Pattern SCRIPT = Pattern.compile("(?is)<script\\b[^>]*>.*?</script>");

  private final Path binary;
  private final Path work;

  Chromium(Path work) {
    this.binary = Path.of(System.getProperty("marsad.chromium", "/usr/bin/chromium"));
    this.work = work;
    if (!Files.isExecutable(binary)) {
      fail(
          "Cannot check the report in a browser: no Chromium at "
              + binary
              + "; install it (apt-get install -y chromium) or set -Dmarsad.chromium=PATH");
    }
  }

  /** Loads {@code page} (with {@code #fragment} when not null) and returns what it recorded. */
  Result check(Path page, String fragment) throws Exception {
    String url = page.toUri() + (fragment == null ? "" : "#" + fragment);
    Path dom = work.resolve("dom-" + System.nanoTime() + ".html");
    Path log = run(url, dom, "--window-size=1400,1000", "--dump-dom");
    String html = Files.readString(dom, StandardCharsets.UTF_8);
    List<String> console = new ArrayList<>();
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      if (CONSOLE.matcher(line).find()) {
        console.add(line);
      }
    }
    Matcher m = CHECK.matcher(html);
    JsonNode check = null;
    if (m.find() && !m.group(1).isBlank()) {
      String text = m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
      check = new ObjectMapper().readTree(text);
    }
    // The DOM without the scripts' text (the embedded data, the dictionary of every word the page
    // may show, ECharts): assertions on it see what the page rendered, not what it could render.
    String rendered = SCRIPT.matcher(html).replaceAll("<script></script>");
    return new Result(check, console, rendered);
  }

  /** Saves a screenshot of the top {@code height} pixels of {@code page}, 1400 pixels wide. */
  void screenshot(Path page, int height, Path png) throws Exception {
    screenshot(page, null, height, png);
  }

  /** As {@link #screenshot(Path, int, Path)}, with {@code #fragment} when not null. */
  void screenshot(Path page, String fragment, int height, Path png) throws Exception {
    Files.createDirectories(png.toAbsolutePath().getParent());
    Files.deleteIfExists(png);
    run(
        page.toUri() + (fragment == null ? "" : "#" + fragment),
        null,
        "--window-size=1400," + height,
        "--hide-scrollbars",
        "--screenshot=" + png.toAbsolutePath());
    if (!Files.isRegularFile(png) || Files.size(png) == 0) {
      fail("Cannot take a screenshot of " + page + ": Chromium wrote no " + png);
    }
  }

  /** Runs Chromium on {@code url} with {@code flags}; returns its log (stderr). */
  private Path run(String url, Path stdout, String... flags) throws Exception {
    Path profile = Files.createTempDirectory(work, "chromium-profile");
    Path log = work.resolve("chromium-" + System.nanoTime() + ".log");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                binary.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--enable-logging=stderr",
                "--v=0",
                "--virtual-time-budget=15000"));
    cmd.addAll(List.of(flags));
    cmd.add(url);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(log.toFile());
    pb.redirectOutput(
        stdout == null
            ? ProcessBuilder.Redirect.DISCARD
            : ProcessBuilder.Redirect.to(stdout.toFile()));
    Process p = pb.start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      fail("Chromium did not finish within 180 s on " + url);
    }
    if (p.exitValue() != 0) {
      fail("Chromium exited " + p.exitValue() + " on " + url + ":\n" + tail(log));
    }
    return log;
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
  }
}
