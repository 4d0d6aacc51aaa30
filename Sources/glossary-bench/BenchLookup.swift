import Foundation

// glossary-bench lookup [--entries N] [--queries N] [--keep DIR]
//
// Generates an N-entry glossary (default 1,000,000) in a temp folder, then times
//   1. `grep -F QUERY FILE` (the baseline: one scan of the file),
//   2. one `glossary lookup QUERY --glossary FILE` process: the first run builds the
//      index cache (.FILE.idx), warm runs map it,
//   3. `glossary lookup --batch` over M queries (default 200,000): queries per second,
//      with and without the process start + index open of a single lookup.
// Prints each figure beside its baseline and the ratio.
func benchLookup(_ args: [String]) throws {
  var entries = 1_000_000
  var queries = 200_000
  var keep: String?
  var i = 0
  while i < args.count {
    switch args[i] {
    case "--entries": entries = Int(args[i + 1]) ?? entries; i += 1
    case "--queries": queries = Int(args[i + 1]) ?? queries; i += 1
    case "--keep": keep = args[i + 1]; i += 1
    default: break
    }
    i += 1
  }
  let bin = try glossaryBinary()
  let dir = keep ?? NSTemporaryDirectory() + "glossary-bench-lookup-\(getpid())"
  try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
  defer { if keep == nil { try? FileManager.default.removeItem(atPath: dir) } }
  let path = dir + "/bench.zh-en.tsv"

  // Generate: unique 4-8 character Han terms, 2-5 word English renderings.
  var rng = SplitMix64(seed: 42)
  var words: [String] = []
  let syllables = ["ka", "ro", "mi", "tan", "lu", "se", "vo", "der", "pi", "na", "gor", "el", "shu", "ti", "ban", "ko"]
  for _ in 0..<4000 {
    var w = ""
    for _ in 0..<(2 + Int(rng.next() % 3)) { w += syllables[Int(rng.next() % UInt64(syllables.count))] }
    words.append(w)
  }
  var seen = Set<String>()
  var sources: [String] = []
  var targets: [String] = []
  let genStart = DispatchTime.now().uptimeNanoseconds
  var text = "zh\ten\tstatus\tvalid_from\tvalid_to\treplaced_by\ttags\tnote\tscore\toccurrences\tseen_in\texamples\treviewer\treviewed\n"
  text.reserveCapacity(entries * 70)
  while sources.count < entries {
    var s = ""
    for _ in 0..<(4 + Int(rng.next() % 5)) { s.unicodeScalars.append(Unicode.Scalar(0x4E00 + UInt32(rng.next() % 0x51A5))!) }
    guard seen.insert(s).inserted else { continue }
    var t = ""
    for k in 0..<(2 + Int(rng.next() % 4)) { t += (k > 0 ? " " : "") + words[Int(rng.next() % UInt64(words.count))] }
    sources.append(s)
    targets.append(t)
    text += s + "\t" + t + "\tpreferred\t\t\t\t\t\t\t\t\t\t\t\n"
  }
  try Data(text.utf8).write(to: URL(fileURLWithPath: path))
  let size = text.utf8.count
  text = ""
  print(String(format: "generated %d entries, %.1f MB, in %.1f s", entries, Double(size) / 1e6,
               Double(DispatchTime.now().uptimeNanoseconds - genStart) / 1e9))

  let query = sources[entries / 2 + 17]
  /// Runs a program with output discarded and returns its exit status.
  func run(_ exe: String, _ arguments: [String]) throws -> Int32 { try runProgram(exe, arguments).status }
  // Warm the page cache, then time grep.
  _ = try run("/bin/grep", ["-F", "-c", query, path])
  let grep = try best(of: 7) { _ = try run("/bin/grep", ["-F", query, path]) }
  // CPU seconds of child processes so far (the first run's CPU time tells its cost on a loaded machine).
  func childCPU() -> Double {
    var u = rusage()
    #if os(Linux)
    getrusage(RUSAGE_CHILDREN.rawValue, &u)
    #else
    getrusage(RUSAGE_CHILDREN, &u)
    #endif
    return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6
  }
  let cpuBefore = childCPU()
  let first = try seconds { _ = try run(bin, ["lookup", query, "--glossary", path]) }
  let firstCPU = childCPU() - cpuBefore
  var status: Int32 = 0
  let warm = try best(of: 7) { status = try run(bin, ["lookup", query, "--glossary", path]) }
  let english = targets[entries / 3]
  let warmEn = try best(of: 7) { _ = try run(bin, ["lookup", english, "--glossary", path]) }
  let miss = try best(of: 3) { _ = try run(bin, ["lookup", "不存在的术语", "--glossary", path]) }
  // An English rendering with a typo in one word (did you mean).
  var typo = Array(targets[entries / 5])
  typo.remove(at: typo[typo.count / 2] == " " ? typo.count / 2 + 1 : typo.count / 2)
  var typoStatus: Int32 = 0
  let missEn = try best(of: 3) { typoStatus = try run(bin, ["lookup", String(typo), "--glossary", path]) }
  print(String(format: "grep -F (baseline)            %8.1f ms", grep * 1e3))
  print(String(format: "glossary lookup, first run    %8.1f ms  (builds the index cache; %.1f s CPU)", first * 1e3, firstCPU))
  print(String(format: "glossary lookup zh, warm      %8.1f ms  %.2f x grep (target <= 2) exit %d", warm * 1e3, warm / grep, status))
  print(String(format: "glossary lookup en, warm      %8.1f ms  %.2f x grep", warmEn * 1e3, warmEn / grep))
  print(String(format: "glossary lookup miss (fuzzy)  %8.1f ms  %.2f x grep", miss * 1e3, miss / grep))
  print(String(format: "glossary lookup en typo       %8.1f ms  %.2f x grep exit %d", missEn * 1e3, missEn / grep, typoStatus))

  // Batch: half source terms, a quarter renderings, a quarter misses.
  var lines = ""
  for k in 0..<queries {
    let r = Int(rng.next() % UInt64(entries))
    switch k % 4 {
    case 0, 1: lines += sources[r]
    case 2: lines += targets[r]
    default: lines += sources[r] + "x"
    }
    lines += "\n"
  }
  let qpath = dir + "/queries.txt"
  try Data(lines.utf8).write(to: URL(fileURLWithPath: qpath))
  let batch = try best(of: 3) { _ = try run(bin, ["lookup", "--batch", qpath, "--glossary", path]) }
  print(String(format: "glossary lookup --batch       %8.0f queries/s over %d queries (%.2f s; %.0f/s without one process start)",
               Double(queries) / batch, queries, batch, Double(queries) / max(1e-9, batch - warm)))
  print(String(format: "peak memory of the bench process %.0f MiB", peakMemoryMiB()))
}
