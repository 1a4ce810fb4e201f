# Tests of the R package against the real command line (ANARCHY_CLI, else a build in the repository).
# Run from the repository root: Rscript r/tests/run-tests.R
source(file.path("r", "R", "anarchy.R"))

passed <- 0L; failed <- 0L
test <- function(name, body) {
  ok <- tryCatch({ body; TRUE }, error = function(e) { message("FAILED: ", name, ": ", conditionMessage(e)); FALSE })
  if (ok) { passed <<- passed + 1L; message("ok: ", name) } else failed <<- failed + 1L
}
scratch <- tempfile("anarchy-r-"); dir.create(scratch)

folder <- anarchy_run(runs = 3, ticks = 12, states = 10, seed = 7, params = list(honour = 0.6), series = TRUE,
                      events = TRUE, threads = 1, out = file.path(scratch, "r"))

test("a run returns the folder it wrote, with its tables", {
  stopifnot(identical(normalizePath(file.path(scratch, "r")), folder))
  stopifnot(identical(anarchy_tables(folder), c("events", "runs", "series")))
})

test("runs are typed as documented and carry the manifest", {
  runs <- anarchy_read(folder)
  stopifnot(nrow(runs) == 3, identical(runs$run, c(0, 1, 2)))
  stopifnot(is.double(runs$wars), is.double(runs$mean_burden))
  stopifnot(is.character(runs$seed), all(nchar(runs$seed) > 15))  # beyond 2^53: kept exact as text
  manifest <- attr(runs, "manifest")
  stopifnot(manifest$model == "waltz", manifest$scenario$parameters$honour == 0.6)
  stopifnot(identical(names(runs), vapply(manifest$columns$runs, function(c) c$name, "")))
})

test("series and events have the rows the manifest counts", {
  manifest <- anarchy_manifest(folder)
  series <- anarchy_read(folder, "series")
  events <- anarchy_read(folder, "events")
  stopifnot(nrow(series) == manifest$files[["series.csv"]], nrow(events) == manifest$files[["events.csv"]])
  stopifnot(is.character(events$event), "dispute" %in% events$event)
  stopifnot(any(is.na(events$war)), all(events$war[!is.na(events$war)] >= 0))  # -1: no war
  stopifnot(is.logical(anarchy_read(folder)$leader_alive))
  wars <- which(events$event == "war_start")
  stopifnot(length(wars) > 0, all(vapply(wars, function(i) events$state[i] %in% events$side_a[[i]], TRUE)))
  stopifnot(all(vapply(which(events$event == "dispute"), function(i) is.null(events$side_a[[i]]), TRUE)))
})

test("a missing table is named with the tables there", {
  message <- tryCatch({ anarchy_read(folder, "points"); "" }, error = conditionMessage)
  stopifnot(grepl("no table 'points'", message, fixed = TRUE), grepl("events, runs, series", message, fixed = TRUE))
})

test("the command line's message becomes the error and nothing is written", {
  out <- file.path(scratch, "bad")
  caught <- tryCatch({ anarchy_run(runs = 2, params = list(honour = -1), out = out); NULL }, anarchy_error = function(e) e)
  stopifnot(!is.null(caught), caught$exit_code == 2L)
  stopifnot(grepl("honour", conditionMessage(caught)), grepl("outside the allowed range [0, 10]", conditionMessage(caught), fixed = TRUE))
  stopifnot(!file.exists(out))
})

test("a realpolitik run reads with its own columns", {
  rp <- anarchy_read(anarchy_run(model = "realpolitik", runs = 4, states = 20, ticks = 200, out = file.path(scratch, "rp")))
  stopifnot(nrow(rp) == 4, attr(rp, "manifest")$model == "realpolitik", all(rp$turns <= 200), is.double(rp$median_survival))
})

test("a tribute run reads its demands, sides and actor-years", {
  folder <- anarchy_run(model = "tribute", runs = 2, ticks = 100, events = TRUE, panel = TRUE, threads = 1, out = file.path(scratch, "t"))
  runs <- anarchy_read(folder)
  events <- anarchy_read(folder, "events")
  actors <- anarchy_read(folder, "panel_actors")
  stopifnot(attr(runs, "manifest")$model == "tribute", nrow(events) == sum(runs$demands))
  stopifnot(all(vapply(seq_len(nrow(events)), function(i) events$actor[i] %in% events$side_a[[i]], TRUE)))
  stopifnot(nrow(actors) == 2 * 101 * 10, any(is.na(actors$cluster)), all(actors$cluster[!is.na(actors$cluster)] >= 0))
})

test("a sweep reads its runs and points with factor columns", {
  file <- file.path(scratch, "sweep.json")
  writeLines('{"name": "tiny", "scenario": {"states": 8, "ticks": 10, "runs": 1}, "factors": [{"name": "honour", "levels": [0.2, 0.8]}], "replicates": 3, "seed": 11}', file)
  sweep <- anarchy_sweep(file, threads = 1, series = TRUE, out = file.path(scratch, "s"))
  stopifnot(nrow(anarchy_read(sweep)) == 6)
  series <- anarchy_read(sweep, "series")
  stopifnot(nrow(series) == 60, identical(names(series)[1:4], c("point", "replicate", "run", "tick")), is.double(series$point))
  points <- anarchy_read(sweep, "points")
  stopifnot(identical(sort(points$honour), c(0.2, 0.8)))
})

test("a quick study returns its folder with the report", {
  study <- anarchy_study("quirks", quick = TRUE, out = file.path(scratch, "q"))
  stopifnot(file.exists(file.path(study, "report.md")), nrow(anarchy_read(file.path(study, "arms", "statesim"))) == 40)
})

unlink(scratch, recursive = TRUE)
cat(sprintf("R package: %d passed, %d failed\n", passed, failed))
quit(status = if (failed == 0L) 0L else 1L)
