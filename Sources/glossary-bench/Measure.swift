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
