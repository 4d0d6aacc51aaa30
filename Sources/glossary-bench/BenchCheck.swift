import Foundation
import GlossaryKit

/// `glossary-bench check [--pairs N] [--corpus DIR] [--glossary PATH] [--pairing proportional|aligner]`:
/// checks N document pairs (default 1,000) built by repeating the Corpus/ pairs
/// in memory (generated pairs when Corpus/ is missing), and prints pairs/s
/// beside a baseline measured in the same process: segmenting both sides only.
func benchCheck(_ args: [String]) throws {
  func value(_ name: String) -> String? { args.firstIndex(of: name).flatMap { $0 + 1 < args.count ? args[$0 + 1] : nil } }
  let count = value("--pairs").flatMap(Int.init) ?? 1000
  let corpusPath = value("--corpus") ?? "Corpus"
  let glossaryPath = value("--glossary") ?? "Glossaries/diplomatic.zh-en.tsv"
  let useAligner = value("--pairing") == "aligner"

  let zh = try Language("zh"), en = try Language("en")
  let glossary = try GlossaryStore.load(path: glossaryPath)
  var base: [(TextDocument, TextDocument, ISODate)] = []
  if let corpus = try? Corpus.scan(corpusPath) {
    for d in corpus.documents(pairedIn: "zh", "en") {
      guard let s = d.file("zh"), let t = d.file("en") else { continue }
      base.append((try TextDocument(contentsOf: s.path), try TextDocument(contentsOf: t.path), d.date))
    }
  }
  if base.isEmpty { base = generatedPairs(glossary) }
  let pairs = (0..<count).map { base[$0 % base.count] }
  let units = pairs.reduce(0) { $0 + $1.0.utf16.count + $1.1.utf16.count }
  print("check: \(count) pairs (\(base.count) distinct, \(units / 1000)k UTF-16 units), glossary \(glossary.entries.count) rows, pairing \(useAligner ? "aligner" : "proportional")")

  // Baseline: sentence segmentation of both sides (the least any check must do).
  let zhSeg = try SentenceSegmenter(language: zh), enSeg = try SentenceSegmenter(language: en)
  var sentences = 0
  let segment = try best(of: 3) {
    sentences = 0
    for (s, t, _) in pairs { sentences += try zhSeg.sentences(in: s).count + enSeg.sentences(in: t).count }
  }

  var findings = 0
  var index: CheckIndex!
  let build = try seconds { index = try CheckIndex(glossaries: [glossary], source: zh, target: en) }
  let pairing: SentencePairing = useAligner ? try AlignerPairing(source: zh, target: en, termPairs: index.termPairs) : ProportionalPairing()
  let checker = try TerminologyChecker(index: index, pairing: pairing)
  let check = try best(of: 3) {
    findings = 0
    for (s, t, d) in pairs { findings += try checker.check(source: s, target: t, date: d).findings.count }
  }
  func row(_ name: String, _ t: Double) -> String {
    name.padding(toLength: 34, withPad: " ", startingAt: 0) + String(format: "%8.2f s %10.0f pairs/s", t, Double(count) / t)
  }
  print(row("segment both sides (baseline)", segment) + "  (\(sentences) sentences)")
  print(row("check (segment+pair+match)", check) + String(format: "  %.1fx baseline, %d findings", check / segment, findings))
  print(String(format: "index build: %.3f s; peak memory %.0f MiB", build, peakMemoryMiB()))
}

/// Synthetic pairs from glossary rows, for when Corpus/ is absent.
private func generatedPairs(_ g: Glossary) -> [(TextDocument, TextDocument, ISODate)] {
  var rng = SplitMix64(seed: 7)
  let rows = g.entries.filter { $0.status == .preferred }
  return (0..<50).map { _ in
    var zh = "标题\n\n", en = "Title\n\n"
    for _ in 0..<20 {
      let e = rows[Int(rng.next() % UInt64(rows.count))]
      zh += "双方同意加强\(e.source)。\n\n"
      en += "The two sides agreed to strengthen \(e.target).\n\n"
    }
    return (TextDocument(text: zh), TextDocument(text: en), ISODate("2023-01-01")!)
  }
}
