import Foundation
import GlossaryKit

/// `glossary-bench extract [--documents N]`: documents per second of the whole
/// mining pipeline (read, segment, align sentences, align words, mine) on a
/// generated corpus of N document pairs (default 1,000): the shipped Corpus/
/// and, when ../shared/data exists, wmt-dev's documents, copied under new
/// dates until N. Baseline in the same process: reading and segmenting alone.
func benchExtract(_ args: [String]) throws {
  let target = Int(args.firstIndex(of: "--documents").map { args[$0 + 1] } ?? "1000") ?? 1000
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("glossary-bench-extract-\(getpid())").path
  defer { try? FileManager.default.removeItem(atPath: dir) }
  let sources = try benchSourceDocuments()
  guard !sources.isEmpty else { print("extract: no documents (run from the project folder)"); return }
  var made = 0
  var round = 0
  while made < target {
    for (name, zh, en) in sources where made < target {
      let date = String(format: "%04d-%02d-%02d", 2000 + round % 26, 1 + made % 12, 1 + made % 28)
      let stem = "\(dir)/r\(round)/\(date)-\(name)-\(made)"
      try FileManager.default.createDirectory(atPath: "\(dir)/r\(round)", withIntermediateDirectories: true)
      try zh.write(toFile: stem + ".zh.txt", atomically: false, encoding: .utf8)
      try en.write(toFile: stem + ".en.txt", atomically: false, encoding: .utf8)
      made += 1
    }
    round += 1
  }
  let bytes = sources.reduce(0) { $0 + $1.1.utf8.count + $1.2.utf8.count } * made / sources.count
  print(String(format: "extract: %d document pairs (%.1f MB), from %d distinct documents", made, Double(bytes) / 1e6, sources.count))

  // Baseline: read and segment every document once.
  let corpus = try Corpus.scan(dir)
  let zh = try Language("zh"), en = try Language("en")
  let zhSegmenter = try SentenceSegmenter(language: zh), enSegmenter = try SentenceSegmenter(language: en)
  var sentences = 0
  let segment = try seconds {
    for d in corpus.documents {
      sentences += try zhSegmenter.sentences(in: TextDocument(contentsOf: d.file("zh")!.path)).count
      sentences += try enSegmenter.sentences(in: TextDocument(contentsOf: d.file("en")!.path)).count
    }
  }
  var run = ExtractionRun(corpusPath: dir, glossaryPath: nil)
  run.sourceLanguage = "zh"
  run.targetLanguage = "en"
  var result: ExtractionRun.Result? = nil
  let total = try seconds { result = try run.run(write: false) }
  let s = result!.summary
  print(String(format: "  read + segment (baseline)      %6.2f s  %7.0f documents/s  (%d sentences)", segment, Double(made) / segment, sentences))
  print(String(format: "  extract (whole pipeline)       %6.2f s  %7.0f documents/s  %.0f sentence pairs/s  %.1fx baseline",
               total, Double(made) / total, Double(s.sentencePairs) / total, total / segment))
  print(String(format: "  %d sentence pairs, %d recurring terms, peak memory %.0f MiB", s.sentencePairs, s.terms, peakMemoryMiB()))
}

/// The documents to copy: Corpus/ pairs, plus wmt-dev documents when the shared data is there.
func benchSourceDocuments() throws -> [(String, String, String)] {
  var docs: [(String, String, String)] = []
  if let corpus = try? Corpus.scan("Corpus") {
    for d in corpus.documents(pairedIn: "zh", "en") {
      docs.append((d.slug, try TextDecoder.read(path: d.file("zh")!.path), try TextDecoder.read(path: d.file("en")!.path)))
    }
  }
  if let shared = sharedDataPath() {
    let wmt = shared + "/wmt-dev"
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: wmt)) ?? []).filter { $0.hasPrefix("doc") && $0.hasSuffix(".zh") }.sorted()
    for n in names {
      let stem = String(n.dropLast(3))
      guard let zh = try? TextDecoder.read(path: "\(wmt)/\(stem).zh"), let en = try? TextDecoder.read(path: "\(wmt)/\(stem).en") else { continue }
      docs.append(("wmt-\(stem)", zh, en))
    }
  }
  return docs
}
