import Foundation

/// Wall-clock seconds of a closure (monotonic clock).
func seconds(_ body: () throws -> Void) rethrows -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  try body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Best of `runs` timings: the least disturbed run.
func best(of runs: Int, _ body: () throws -> Void) rethrows -> Double {
  var b = Double.infinity
  for _ in 0..<runs { b = min(b, try seconds(body)) }
  return b
}

/// Peak resident memory of this process so far, in MiB (Linux: VmHWM).
func peakMemoryMiB() -> Double {
  guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
  for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
    let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
    return kb / 1024
  }
  return 0
}

/// Path of the shared development data, when present (../shared/data beside the project).
func sharedDataPath() -> String? {
  let candidates = [ProcessInfo.processInfo.environment["GLOSSARY_SHARED_DATA"], "../shared/data"].compactMap { $0 }
  return candidates.first { FileManager.default.fileExists(atPath: $0) }
}

/// What a child process did: exit status, the signal that ended it (0: none), whether it ran
/// out of time (then killed), wall seconds, peak resident memory (MiB).
struct ProgramRun {
  var status: Int32
  var signal: Int32 = 0
  var timedOut = false
  var seconds: Double
  var peakMiB: Double
}

/// Runs a program, standard input from /dev/null, standard output to `stdout` (default
/// /dev/null), standard error to `stderr`, and waits for it (killing it after `timeout` seconds).
/// posix_spawn + wait4: Foundation's Process.waitUntilExit polls on Linux and rounds every run up
/// to ~50 ms; wait4 also gives the child's peak memory (ru_maxrss).
func runProgram(
  _ exe: String, _ arguments: [String], stdout: String = "/dev/null", stderr: String = "/dev/null",
  timeout: Double? = nil
) throws -> ProgramRun {
  var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
  posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
  let argv = ([exe] + arguments).map { strdup($0) } + [nil]
  defer { for a in argv { free(a) } }
  var pid: pid_t = 0
  let start = DispatchTime.now().uptimeNanoseconds
  let rc = posix_spawn(&pid, exe, &actions, nil, argv, environ)
  guard rc == 0 else { throw NSError(domain: "bench", code: Int(rc), userInfo: [NSLocalizedDescriptionKey: "cannot start \(exe)"]) }
  var status: Int32 = 0
  var usage = rusage()
  var timedOut = false
  if let timeout {
    let deadline = start + UInt64(timeout * 1e9)
    while true {
      let r = wait4(pid, &status, WNOHANG, &usage)
      if r == pid || (r < 0 && errno != EINTR) { break }
      if !timedOut && DispatchTime.now().uptimeNanoseconds > deadline {
        timedOut = true
        kill(pid, SIGKILL)
      }
      usleep(1000)
    }
  } else {
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
  }
  let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  let signal = status & 0x7F  // WTERMSIG; 0 when the child exited
  return ProgramRun(
    status: (status >> 8) & 0xFF, signal: signal == 0x7F ? 0 : signal, timedOut: timedOut, seconds: elapsed,
    peakMiB: Double(usage.ru_maxrss) / 1024)
}

/// The `glossary` binary built beside this one.
func glossaryBinary() throws -> String {
  let bin = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    .appendingPathComponent("glossary").path
  guard FileManager.default.isExecutableFile(atPath: bin) else {
    throw NSError(domain: "bench", code: 1, userInfo: [NSLocalizedDescriptionKey: "build the glossary product first: \(bin)"])
  }
  return bin
}
