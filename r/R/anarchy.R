# Anarchy from R: run scenarios, sweeps and studies through the anarchy command line, and read any output folder
# into a data frame typed as docs/OUTPUTS.md documents each column.

#' The command that starts the anarchy command line: ANARCHY_CLI (the executable or anarchy.dll), else anarchy on
#' the PATH, else a build in the repository this package sits in (the working directory's).
anarchy_command <- function() {
  launcher <- function(path) if (grepl("\\.dll$", path)) c(Sys.which("dotnet")[[1]], path) else path
  configured <- Sys.getenv("ANARCHY_CLI")
  if (nzchar(configured)) return(launcher(configured))
  on_path <- Sys.which("anarchy")[[1]]
  if (nzchar(on_path)) return(on_path)
  for (configuration in c("Release", "Debug")) {
    dll <- file.path("src", "Anarchy.Cli", "bin", configuration, "net10.0", "anarchy.dll")
    if (file.exists(dll)) return(launcher(normalizePath(dll)))
  }
  anarchy_stop("the anarchy command line was not found: set ANARCHY_CLI to the anarchy executable or anarchy.dll, put anarchy on the PATH, or build it (dotnet build -c Release in the repository)", 127L)
}

anarchy_stop <- function(message, exit_code) {
  stop(structure(class = c("anarchy_error", "error", "condition"),
                 list(message = message, call = NULL, exit_code = exit_code)))
}

anarchy_call <- function(args) {
  command <- anarchy_command()
  out <- tempfile(); err <- tempfile()
  on.exit(unlink(c(out, err)))
  status <- system2(command[1], c(command[-1], shQuote(args)), stdout = out, stderr = err)
  stdout <- readLines(out, warn = FALSE, encoding = "UTF-8")
  stderr <- readLines(err, warn = FALSE, encoding = "UTF-8")
  if (!identical(as.integer(status), 0L)) {
    lines <- sub("^error: ", "", stderr[nzchar(trimws(stderr))])
    message <- if (length(lines)) paste(lines, collapse = "\n") else sprintf("anarchy exited with code %d", status)
    anarchy_stop(message, as.integer(status))
  }
  list(stdout = stdout, stderr = stderr)
}

option <- function(name, value) if (is.null(value)) character() else c(name, as.character(value))
flag <- function(name, on) if (isTRUE(on)) name else character()
# The shortest decimal that reads back to the same double (0.6, not 0.59999999999999998).
number <- function(value) {
  if (is.logical(value)) return(as.character(as.integer(value)))
  for (digits in 1:17) {
    text <- formatC(value, digits = digits, format = "g")
    if (as.numeric(text) == value) return(trimws(text))
  }
  trimws(formatC(value, digits = 17, format = "g"))
}

written_folder <- function(result, out) {
  force(result) # the command runs here, whatever the folder
  if (!is.null(out)) return(normalizePath(out))
  line <- grep("Wrote ", result$stderr, value = TRUE, fixed = TRUE)
  if (!length(line)) anarchy_stop("could not tell which folder anarchy wrote (pass out = ...)", 0L)
  sub("^.*Wrote (.+?)[/\\\\] \\(.*$", "\\1", line[length(line)])
}

#' Runs a scenario (the model's default without one) and returns its output folder. params sets parameters by name
#' (--set NAME=VALUE); the other arguments are the options of anarchy run.
anarchy_run <- function(scenario = NULL, model = NULL, runs = NULL, ticks = NULL, states = NULL, seed = NULL,
                        params = NULL, series = FALSE, events = FALSE, panel = FALSE, only = NULL, out = NULL,
                        overwrite = FALSE, threads = NULL, engine = NULL) {
  args <- c("run", option("--scenario", scenario), option("--model", model), option("--runs", runs),
            option("--ticks", ticks), option("--states", states), option("--seed", seed))
  for (name in names(params)) args <- c(args, "--set", paste0(name, "=", number(params[[name]])))
  args <- c(args, flag("--series", series), flag("--events", events), flag("--panel", panel),
            option("--only", only), option("--out", out), flag("--overwrite", overwrite),
            option("--threads", threads), option("--engine", engine))
  written_folder(anarchy_call(args), out)
}

#' Runs a sweep file (docs/SWEEPS.md) and returns its output folder.
anarchy_sweep <- function(file, model = NULL, out = NULL, threads = NULL, resume = FALSE, overwrite = FALSE,
                          series = FALSE, events = FALSE, panel = FALSE, shard = NULL, engine = NULL) {
  args <- c("sweep", file, option("--model", model), option("--out", out), option("--threads", threads),
            flag("--resume", resume), flag("--overwrite", overwrite), flag("--series", series),
            flag("--events", events), flag("--panel", panel), option("--shard", shard), option("--engine", engine))
  written_folder(anarchy_call(args), out)
}

#' Runs a ready-made study (anarchy study) and returns its folder (report.md, plots, and arms/).
anarchy_study <- function(name, model = NULL, quick = FALSE, out = NULL, threads = NULL, resume = FALSE,
                          overwrite = FALSE, data = NULL) {
  args <- c("study", name, option("--model", model), flag("--quick", quick), option("--out", out),
            option("--threads", threads), flag("--resume", resume), flag("--overwrite", overwrite),
            option("--data", data))
  result <- anarchy_call(args)
  dirname(result$stdout[length(result$stdout)])
}

#' The folder's manifest.json as a list.
anarchy_manifest <- function(folder) {
  path <- file.path(folder, "manifest.json")
  if (!file.exists(path)) stop(sprintf("'%s' has no manifest.json: it is not an output folder of anarchy", folder))
  jsonlite::fromJSON(path, simplifyVector = FALSE)
}

#' The tables in an output folder (runs, series, events, points, sensitivity, panel_states, ...).
anarchy_tables <- function(folder) {
  sort(sub("\\.csv$", "", list.files(folder, pattern = "^[^.].*\\.csv$")))
}

#' One table of an output folder as a data frame, typed as docs/OUTPUTS.md documents it: the Parquet file where the
#' arrow package is installed, else the CSV with the types the manifest records. Integer columns are doubles (exact
#' to 2^53); one whose values go beyond that (run seeds) is kept as text so that no digit is lost; a column's code
#' for none (-1) reads as NA, and flags as logical. Real columns are doubles (missing: NA), text is character
#' (missing: NA). attr(, "manifest") is the manifest, attr(, "columns") the
#' type, unit and meaning of each column.
anarchy_read <- function(folder, table = "runs") {
  if (!dir.exists(folder)) stop(sprintf("output folder '%s' does not exist", folder))
  csv <- file.path(folder, paste0(table, ".csv"))
  if (!file.exists(csv)) {
    available <- anarchy_tables(folder)
    stop(sprintf("'%s' has no table '%s' (tables there: %s)", folder, table,
                 if (length(available)) paste(available, collapse = ", ") else "none"))
  }
  manifest <- if (file.exists(file.path(folder, "manifest.json"))) anarchy_manifest(folder) else list()
  columns <- manifest$columns[[table]]
  types <- setNames(vapply(columns, function(c) c$type, ""), vapply(columns, function(c) c$name, ""))
  parquet <- file.path(folder, paste0(table, ".parquet"))
  if (file.exists(parquet) && requireNamespace("arrow", quietly = TRUE)) {
    frame <- as.data.frame(arrow::read_parquet(parquet))
  } else {
    header <- names(utils::read.csv(csv, nrows = 1, check.names = FALSE))
    classes <- ifelse(header %in% names(types), c(integer = "character", flag = "integer", real = "numeric", text = "character", list = "character")[types[header]], NA)
    frame <- utils::read.csv(csv, colClasses = unname(classes), na.strings = "", check.names = FALSE,
                             stringsAsFactors = FALSE, encoding = "UTF-8")
    for (name in header[header %in% names(types)[types == "integer"]]) {
      values <- as.numeric(frame[[name]])
      if (all(is.na(values) | abs(values) <= 2^53)) frame[[name]] <- values
    }
    for (column in columns) {
      if (!(column$name %in% header)) next
      if (column$type == "flag") frame[[column$name]] <- as.logical(frame[[column$name]])
      if (column$type == "list") {
        # Integers separated by ';' in the CSV, a list in Parquet: a list column of numeric vectors, NULL where empty.
        frame[[column$name]] <- I(lapply(frame[[column$name]], function(text) if (is.na(text) || !nzchar(text)) NULL else as.numeric(strsplit(text, ";", fixed = TRUE)[[1]])))
      }
      if (!is.null(column$missing)) frame[[column$name]][frame[[column$name]] == column$missing] <- NA
    }
  }
  attr(frame, "manifest") <- manifest
  attr(frame, "columns") <- columns
  frame
}
