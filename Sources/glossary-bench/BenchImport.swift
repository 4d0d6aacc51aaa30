import Foundation

// glossary-bench import [--entries N] [--keep DIR]
//
// Termbases of 10,000, 80,000 and N (default 1,000,000) rows as CSV (concept, zh, en, status, note: one
// concept in eight has a second, admitted rendering), then for each size times, in child processes,
//   1. `sort` of the same file (LC_ALL=C; the baseline: one read, an n log n sort, one write),
//   2. `glossary import FILE --glossary NEW.zh-en.tsv` (read, check, merge, write),
// and for the largest, the first `glossary lookup` on the imported glossary, which builds the index
// cache (.NAME.idx). Prints each figure beside its baseline, the 80,000 / 10,000 ratio (linear: 8), and
// the peak resident memory of each child (wait4's ru_maxrss).
func benchImport(_ args: [String]) throws {
  var entries = 1_000_000
  var keep: String?
  var i = 0
  while i < args.count {
    switch args[i] {
    case "--entries": entries = Int(args[i + 1]) ?? entries; i += 1
    case "--keep": keep = args[i + 1]; i += 1
    default: break
    }
    i += 1
  }
  let bin = try glossaryBinary()
  let dir = keep ?? NSTemporaryDirectory() + "glossary-bench-import-\(getpid())"
  try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
  defer { if keep == nil { try? FileManager.default.removeItem(atPath: dir) } }

  var rng = SplitMix64(seed: 11)
  let syllables = ["ka", "ro", "mi", "tan", "lu", "se", "vo", "der", "pi", "na", "gor", "el", "shu", "ti", "ban", "ko"]
  var words: [String] = []
  for _ in 0..<4000 {
    var w = ""
    for _ in 0..<(2 + Int(rng.next() % 3)) { w += syllables[Int(rng.next() % UInt64(syllables.count))] }
    words.append(w)
  }
  /// A CSV termbase of `n` concepts and a query that is one of its terms.
  func generate(_ n: Int, _ path: String) throws -> String {
    var seen = Set<String>()
    var text = "concept,zh,en,status,note\n"
    text.reserveCapacity(n * 60)
    var query = ""
    var k = 0
    while k < n {
      var s = ""
      for _ in 0..<(4 + Int(rng.next() % 5)) { s.unicodeScalars.append(Unicode.Scalar(0x4E00 + UInt32(rng.next() % 0x51A5))!) }
      guard seen.insert(s).inserted else { continue }
      var t = ""
      for j in 0..<(2 + Int(rng.next() % 4)) { t += (j > 0 ? " " : "") + words[Int(rng.next() % UInt64(words.count))] }
      text += "t\(k),\(s),\(t),preferred,\n"
      if rng.next() % 8 == 0 { text += "t\(k),\(s),\(t) variant,admitted,a second rendering\n" }
      if k == n / 2 { query = s }
      k += 1
    }
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return query
  }

  var results: [(n: Int, sort: Double, importTime: Double, peak: Double)] = []
  var lookupFigures: (build: Double, peak: Double, warm: Double, sort: Double)?
  for n in [10_000, 80_000, entries] {
    let csv = dir + "/termbase-\(n).csv"
    let query = try generate(n, csv)
    let target = dir + "/imported-\(n).zh-en.tsv"
    let sortTime = try best(of: 3) { _ = try runProgram("/usr/bin/env", ["LC_ALL=C", "sort", csv, "-o", dir + "/sorted.csv"]) }
    var peak = 0.0
    var status: Int32 = 0
    let importTime = try best(of: n > 100_000 ? 1 : 3) {
      try? FileManager.default.removeItem(atPath: target)
      let run = try runProgram(bin, ["import", csv, "--glossary", target])
      (status, peak) = (run.status, run.peakMiB)
    }
    guard status == 0 else { throw NSError(domain: "bench", code: Int(status), userInfo: [NSLocalizedDescriptionKey: "import exited \(status)"]) }
    results.append((n, sortTime, importTime, peak))
    if n == entries {
      let sortGlossary = try best(of: 3) { _ = try runProgram("/usr/bin/env", ["LC_ALL=C", "sort", target, "-o", dir + "/sorted.tsv"]) }
      var buildPeak = 0.0
      let build = try seconds {
        let run = try runProgram(bin, ["lookup", query, "--glossary", target])
        (status, buildPeak) = (run.status, run.peakMiB)
      }
      let warm = try best(of: 5) { _ = try runProgram(bin, ["lookup", query, "--glossary", target]) }
      lookupFigures = (build, buildPeak, warm, sortGlossary)
    }
  }
  print("import of a CSV termbase (child processes; sort: LC_ALL=C sort of the same file)")
  for r in results {
    print(String(format: "  %9d rows  sort %7.2f s   import %7.2f s  %6.1f x sort   peak %6.0f MiB", r.n, r.sort, r.importTime,
                 r.importTime / max(r.sort, 1e-9), r.peak))
  }
  if results.count >= 2 {
    print(String(format: "  80,000 / 10,000 rows: %.1f x the time (linear: 8, target <= 12)", results[1].importTime / results[0].importTime))
  }
  if let l = lookupFigures {
    print(String(format: "first lookup on the %d-concept glossary (builds .NAME.idx): %.2f s, %.1f x sort of the glossary file (%.2f s), peak %.0f MiB (target < 500)",
                 entries, l.build, l.build / max(l.sort, 1e-9), l.sort, l.peak))
    print(String(format: "warm lookup: %.1f ms", l.warm * 1e3))
  }
}
