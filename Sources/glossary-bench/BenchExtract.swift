import Foundation
import GlossaryKit

/// `glossary-bench extract [--documents N] [--add K] [--lexicon PATH] [--keep DIR]`: the whole
/// archive. Generates N distinct document pairs (`ArchiveGenerator`: aligned sentences of Corpus/
/// and wmt-dev recombined, dates over 25 years), then, each in a `glossary` process of the release
/// build (wall time and peak memory from wait4):
///   1. a full `glossary extract` into a scratch glossary (the alignment store is built);
///   2. K (default 100) newer documents added, `glossary extract` again (incremental);
///   3. `glossary concordance` queries, warm, beside `grep -rF` over the raw files.
/// Baseline in the same run: reading and segmenting documents in this process (documents/s).
func benchExtract(_ args: [String]) throws {
  var documents = 1000, add = 100
  var lexicon: String?, keep: String?
  var i = 0
  while i < args.count {
    switch args[i] {
    case "--documents": documents = Int(args[i + 1]) ?? documents; i += 1
    case "--add": add = Int(args[i + 1]) ?? add; i += 1
    case "--lexicon": lexicon = args[i + 1]; i += 1
    case "--keep": keep = args[i + 1]; i += 1
    default: break
    }
    i += 1
  }
  let bin = try glossaryBinary()
  let dir = keep ?? NSTemporaryDirectory() + "glossary-bench-extract-\(getpid())"
  defer { if keep == nil { try? FileManager.default.removeItem(atPath: dir) } }
  let corpus = dir + "/corpus", glossary = dir + "/bench.zh-en.tsv"
  // A kept folder is reused as it is (generation of 100,000 pairs takes minutes): start from scratch by deleting it.
  try? FileManager.default.removeItem(atPath: corpus + "/.glossary")
  try? FileManager.default.removeItem(atPath: glossary)
  try FileManager.default.createDirectory(atPath: corpus, withIntermediateDirectories: true)

  let generator = try ArchiveGenerator.load()
  let total = documents + add
  var bytes = 0
  let existing = (try? Corpus.scan(corpus))?.documents.count ?? 0
  let generation = try seconds {
    if existing != documents { bytes = try generator.write(0..<documents, of: total, into: corpus) }
  }
  print(String(format: "extract: %d generated document pairs (%@) in %.1f s, from a pool of %d aligned sentence pairs; dates 2001-2025",
               documents, existing == documents ? "kept from \(corpus)" : String(format: "%.1f MB", Double(bytes) / 1e6),
               generation, generator.pool.count))

  // Baseline: read and segment documents in this process.
  let scanned = try Corpus.scan(corpus).documents
  let zh = try Language("zh"), en = try Language("en")
  let zhSegmenter = try SentenceSegmenter(language: zh), enSegmenter = try SentenceSegmenter(language: en)
  let sample = Array(scanned.prefix(2000))
  let segment = try seconds {
    for d in sample {
      _ = try zhSegmenter.sentences(in: TextDocument(contentsOf: d.file("zh")!.path))
      _ = try enSegmenter.sentences(in: TextDocument(contentsOf: d.file("en")!.path))
    }
  }
  let baseline = Double(sample.count) / segment
  print(String(format: "  read + segment (baseline)   %8.0f documents/s  (%d documents in this process)", baseline, sample.count))

  var extractArgs = ["extract", "--corpus", corpus, "--glossary", glossary]
  if let lexicon { extractArgs += ["--lexicon", lexicon] }
  let summaryPath = dir + "/extract.out"
  let full = try runProgram(bin, extractArgs, stdout: summaryPath)
  let fullSummary = (try? String(contentsOfFile: summaryPath, encoding: .utf8))?.split(separator: "\n").last.map(String.init) ?? ""
  print(String(format: "  full extract                %8.1f s  %6.0f documents/s (%.2fx the baseline's time)  peak %.0f MiB  exit %d",
               full.seconds, Double(documents) / full.seconds, full.seconds / (Double(documents) / baseline), full.peakMiB, full.status))
  print("    \(fullSummary)")

  if add > 0 {
    try generator.write(documents..<total, of: total, into: corpus)
    let more = try runProgram(bin, extractArgs, stdout: summaryPath)
    let summary = (try? String(contentsOfFile: summaryPath, encoding: .utf8))?.split(separator: "\n").last.map(String.init) ?? ""
    print(String(format: "  add %d documents, extract  %8.1f s  %.1f%% of the full extract  peak %.0f MiB  exit %d",
                 add, more.seconds, 100 * more.seconds / full.seconds, more.peakMiB, more.status))
    print("    \(summary)")
  }

  // Concordance, warm (after one run), beside grep -rF over the raw files.
  let queries = ["务实合作", "一带一路", "人类命运共同体", "practical cooperation", "合作", "Belt and Road"]
  let out = dir + "/concordance.out"
  print("  concordance (warm, best of 5)        glossary      grep -rF   occurrences")
  for q in queries {
    let args = ["concordance", q, "--corpus", corpus, "--glossary", glossary, "--format", "tsv"]
    _ = try runProgram(bin, args, stdout: out)
    var status: Int32 = 0
    let warm = try best(of: 5) { status = try runProgram(bin, args, stdout: out).status }
    let hits = max(0, ((try? String(contentsOfFile: out, encoding: .utf8)) ?? "").split(separator: "\n").count - 1)
    _ = try runProgram("/bin/grep", ["-rF", "-c", q, corpus])
    let grep = try best(of: 5) { _ = try runProgram("/bin/grep", ["-rF", q, corpus]) }
    let label = q.padding(toLength: 24, withPad: " ", startingAt: 0)
    print(String(format: "    %@ %8.1f ms  %8.1f ms  %8d  (%.2fx grep) exit %d", label, warm * 1e3, grep * 1e3, hits, warm / grep, status))
  }
}
