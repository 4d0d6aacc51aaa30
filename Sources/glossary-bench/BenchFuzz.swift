import Foundation
import GlossaryKit
import GlossaryText

// glossary-bench fuzz: mutation fuzzing of every parser (issue 15).
//
//   glossary-bench fuzz [--format tsv,csv,json,tbx,tbx2,lexicon,sheet,corpus|all] [--seed S]
//                       [--count N] [--from I] [--no-cli | --cli-every K] [--jobs J] [--keep] [--out DIR]
//
// Each mutant (a seed file of Tests/Fuzz/Seeds with 1-8 stacked mutations, fixed by seed,
// format and index) is parsed in this process as the command reading it would, then given to
// the `glossary` binary built beside this one (every mutant, or every K-th with --cli-every K:
// a CLI run costs 0.1-0.7 s on a loaded machine, the in-process parse well under 1 ms). A finding is:
// - crash: a command ended by a signal or ran out of time (a crash in this process stops the
//   driver: its mutant stays in the work folder printed at the start);
// - exit: an exit code the command does not document for bad input (70 = an error nobody mapped);
// - lockout: an input was accepted and written (import, review sheet) and then a command that
//   reads the glossary refuses it, or the written glossary does not read back in this process;
// - disagree: the glossary loader and lookup's index builder judge the same file differently.
// Findings are copied to --out (default fuzz-findings/) with findings.txt; exit 1 when any.
// Reproduce one: glossary-bench fuzz --format F --seed S --from I --count 1 --keep
// Regression fixtures: every file of Tests/Fuzz/Regressions/FORMAT/ goes through the same checks
// first, on every run (a corpus file replaces the seed document with the same suffix).
// Exit: 0 no finding, 1 findings, 64 bad options, 70 the driver itself failed.
func benchFuzz(_ args: [String]) throws {
  do { try fuzz(args) } catch {
    FileHandle.standardError.write(Data("glossary-bench: \(error)\n".utf8))
    exit((error as NSError).domain == "fuzz" ? ExitStatus.usage : ExitStatus.software)
  }
}

private func fuzz(_ args: [String]) throws {
  var formats = FuzzFormat.allCases
  var seed: UInt64 = 1
  var count = 100
  var from = 0
  var cli = true
  var cliEvery = 1
  var jobs = ProcessInfo.processInfo.activeProcessorCount
  var keep = false
  var out = "fuzz-findings"
  var seedFolder = defaultSeedFolder()
  var timeout = 60.0
  var i = 0
  func value() throws -> String {
    i += 1
    guard i < args.count else { throw fuzzUsage("\(args[i - 1]) needs a value") }
    return args[i]
  }
  while i < args.count {
    switch args[i] {
    case "--format":
      let v = try value()
      formats = v == "all" ? FuzzFormat.allCases : try v.split(separator: ",").map {
        guard let f = FuzzFormat(rawValue: String($0)) else { throw fuzzUsage("unknown format \($0)") }
        return f
      }
    case "--seed": seed = UInt64(try value()) ?? 1
    case "--count": count = max(0, Int(try value()) ?? 100)
    case "--from": from = max(0, Int(try value()) ?? 0)
    case "--no-cli": cli = false
    case "--cli-every": cliEvery = max(1, Int(try value()) ?? 1)
    case "--jobs": jobs = max(1, Int(try value()) ?? 1)
    case "--keep": keep = true
    case "--out": out = try value()
    case "--seeds": seedFolder = try value()
    case "--timeout": timeout = Double(try value()) ?? 60
    default: throw fuzzUsage("unknown option \(args[i])")
    }
    i += 1
  }
  let context = FuzzContext(seedFolder: seedFolder, glossary: try GlossaryStore.load(path: seedFolder + "/glossary.zh-en.tsv"))
  let binary = cli ? try glossaryBinary() : ""
  let work = NSTemporaryDirectory() + "glossary-fuzz-\(getpid())"
  try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
  let cliText = cli ? "CLI \(binary)" + (cliEvery > 1 ? " on every \(cliEvery)th" : "") : "in-process only"
  print("fuzz: seed \(seed), mutants \(from)..<\(from + count) per format, \(cliText), work folder \(work)")
  var total = 0
  for format in formats {
    let seeds = try format.seedNames.map { try TextDecoder.readBytes(path: seedFolder + "/" + $0) }
    let mutator = FuzzMutator(seeds: seeds, formatTokens: format.tokens)
    let runner = FuzzRunner(format: format, context: context, binary: cli ? binary : nil, timeout: timeout)
    let start = DispatchTime.now().uptimeNanoseconds
    let results = Parallel.map(count, workers: jobs) { k -> FuzzResult in
      let index = from + k
      let (s, bytes) = mutator.mutant(seed: seed, formatSalt: format.salt, index: index)
      let dir = work + "/\(format.rawValue)-\(index)"
      let result = runner.run(bytes, seedIndex: s, in: dir, cli: index % cliEvery == 0)
      if !keep && result.findings.isEmpty { try? FileManager.default.removeItem(atPath: dir) }
      return result
    }
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let fixtures = regressionFixtures(seedFolder: seedFolder, format: format)
    for (k, path) in fixtures.enumerated() {
      let name = URL(fileURLWithPath: path).lastPathComponent
      let seedIndex = format.seedNames.firstIndex { name.hasSuffix(String($0.drop { $0 != "." })) } ?? 0
      let dir = work + "/\(format.rawValue)-regression-\(k)"
      let r = runner.run(try TextDecoder.readBytes(path: path), seedIndex: seedIndex, in: dir, cli: cli)
      for f in r.findings { print("  \(format.rawValue) regression \(name) \(f.kind.rawValue): \(f.detail)") }
      total += r.findings.count
      if !keep && r.findings.isEmpty { try? FileManager.default.removeItem(atPath: dir) }
    }
    var refusals: [Int32: Int] = [:]
    for r in results { if let c = r.refusal { refusals[c, default: 0] += 1 } }
    let findings = results.enumerated().flatMap { k, r in r.findings.map { (from + k, $0) } }
    let kinds = Dictionary(grouping: findings, by: { $0.1.kind }).mapValues(\.count)
    let refused = refusals.isEmpty ? "none" : refusals.sorted { $0.key < $1.key }.map { "\($0.value) with \($0.key)" }.joined(separator: ", ")
    let found = findings.isEmpty ? "0" : FuzzFinding.Kind.allCases.compactMap { k in kinds[k].map { "\($0) \(k.rawValue)" } }.joined(separator: ", ")
    let name = format.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
    print(
      "\(name) \(count) mutants: \(results.filter { $0.refusal == nil }.count) accepted, refused \(refused); "
        + "\(results.reduce(0) { $0 + $1.cliRuns }) CLI runs; findings \(found) (\(String(format: "%.1f", elapsed)) s)"
        + (fixtures.isEmpty ? "" : "; \(fixtures.count) regression fixtures"))
    if !findings.isEmpty { try save(findings, format: format, seed: seed, work: work, out: out) }
    total += findings.count
  }
  if !keep { try? FileManager.default.removeItem(atPath: work) }
  if total > 0 {
    print("fuzz: \(total) findings, mutants and commands in \(out)/")
    exit(1)
  }
}

/// Copies each finding's mutant to `out` and appends its description to `out/findings.txt`.
private func save(_ findings: [(Int, FuzzFinding)], format: FuzzFormat, seed: UInt64, work: String, out: String) throws {
  try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
  var text = ""
  for (index, f) in findings {
    let dir = work + "/\(format.rawValue)-\(index)"
    let name = "\(format.rawValue)-s\(seed)-\(index)-" + f.file
    try? FileManager.default.removeItem(atPath: out + "/" + name)
    try? FileManager.default.copyItem(atPath: dir + "/" + f.file, toPath: out + "/" + name)
    text += "\(name)\t\(f.kind.rawValue)\t\(f.detail)\n"
    print("  \(format.rawValue) #\(index) \(f.kind.rawValue): \(f.detail)")
  }
  let log = out + "/findings.txt"
  if let h = FileHandle(forWritingAtPath: log) {
    h.seekToEndOfFile()
    h.write(Data(text.utf8))
    h.closeFile()
  } else {
    try Data(text.utf8).write(to: URL(fileURLWithPath: log))
  }
}

private func fuzzUsage(_ message: String) -> NSError {
  NSError(domain: "fuzz", code: 64, userInfo: [NSLocalizedDescriptionKey: "fuzz: \(message)"])
}

/// Files of Tests/Fuzz/Regressions/FORMAT beside the seed folder, sorted.
private func regressionFixtures(seedFolder: String, format: FuzzFormat) -> [String] {
  let dir = URL(fileURLWithPath: seedFolder).deletingLastPathComponent().appendingPathComponent("Regressions/" + format.rawValue).path
  let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
  return names.filter { !$0.hasPrefix(".") }.sorted().map { dir + "/" + $0 }
}

/// Tests/Fuzz/Seeds of the source tree this binary was built from, else of the current folder.
private func defaultSeedFolder() -> String {
  let tree = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Tests/Fuzz/Seeds").path
  return FileManager.default.fileExists(atPath: tree) ? tree : "Tests/Fuzz/Seeds"
}
