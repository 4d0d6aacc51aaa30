import Foundation
import GlossaryKit

/// `glossary-bench plant --corpus DIR --out DIR [--glossary PATH] [--kind outdated|swapped|reworded] [--seed N]`:
/// writes a copy of the corpus's zh-en pairs to `--out` with one planted terminology error in each
/// English file that can take one (``PlantedErrors``), and `--out/manifest.tsv`:
/// `document kind term original planted start end` (Unicode scalar offsets in the new English file).
/// Not a benchmark: the generator `scripts/eval-check.sh` scores `check` with.
func benchPlant(_ args: [String]) throws {
  func value(_ name: String) -> String? { args.firstIndex(of: name).flatMap { $0 + 1 < args.count ? args[$0 + 1] : nil } }
  guard let out = value("--out") else { throw CheckError.usage("plant: give --out DIR") }
  let corpusPath = value("--corpus") ?? "Corpus"
  let glossaryPath = value("--glossary") ?? "Glossaries/diplomatic.zh-en.tsv"
  guard let kind = PlantedErrors.Kind(rawValue: value("--kind") ?? "outdated") else { throw CheckError.usage("plant: unknown --kind") }
  let seed = value("--seed").flatMap(UInt64.init) ?? 1
  let zh = try Language("zh"), en = try Language("en")
  let index = try CheckIndex(glossaries: [try GlossaryStore.load(path: glossaryPath)], source: zh, target: en)
  let planter = try PlantedErrors(index: index)
  try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
  var manifest = "document\tkind\tterm\toriginal\tplanted\tstart\tend\n"
  var n = 0
  for (k, d) in try Corpus.scan(corpusPath).documents(pairedIn: "zh", "en").enumerated() {
    guard let s = d.file("zh"), let t = d.file("en") else { continue }
    let source = try TextDocument(contentsOf: s.path), target = try TextDocument(contentsOf: t.path)
    guard let (planted, p) = planter.plant(kind, source: source, target: target, date: d.date, seed: seed &+ UInt64(k)) else { continue }
    try source.text.write(toFile: out + "/\(d.id).zh.txt", atomically: true, encoding: .utf8)
    try planted.text.write(toFile: out + "/\(d.id).en.txt", atomically: true, encoding: .utf8)
    manifest += [d.id, p.kind.rawValue, p.term, p.original, p.planted, String(p.start), String(p.end)]
      .map(OneLine.flatten).joined(separator: "\t") + "\n"
    n += 1
  }
  try manifest.write(toFile: out + "/manifest.tsv", atomically: true, encoding: .utf8)
  print("plant: \(n) \(kind.rawValue) errors planted in \(out)")
}
