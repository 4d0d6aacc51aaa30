import Foundation
import GlossaryKit

// glossary-bench wordalign
//   Word alignment speed: sentence pairs per second for tokenizing, training (IBM Model 1,
//   then HMM by agreement, both directions) and aligning, on the eflomal mix of the shared
//   data (denero-dev pretokenized + wmt-dev + mac-dev gold beads: 2,361 pairs; AER on
//   denero-dev too) or on a generated corpus when the shared data is absent. Baseline in the
//   same process: IBM Model 1 (5 iterations, one direction's tables, no agreement, no HMM)
//   on the same pairs. eflomal 2.0.0 on the mix: about 170 pairs/s (PEERS.md).
func benchWordAlign(_ args: [String]) throws {
  let zh = try Language("zh"), en = try Language("en")
  var job: WordAlignJob
  var gold: [[(Int, Int, Bool)]] = []
  var lexiconPath: String?
  if let data = sharedDataPath() {
    let lines = { (p: String) in WordAlignJob.lines(of: try TextDecoder.read(path: data + "/" + p)) }
    job = WordAlignJob(source: try lines("denero-dev/zh"), target: try lines("denero-dev/en"), sourceLanguage: zh,
                       targetLanguage: en)
    job.pretokenized = true
    job.trainSource = try lines("wmt-dev/all.zh")
    job.trainTarget = try lines("wmt-dev/all.en")
    let (ms, mt) = try macDevBeads(data + "/mac-dev")
    job.trainSource += ms
    job.trainTarget += mt
    gold = try lines("denero-dev/gold.align").map { line in
      line.split(separator: " ").map { t in
        let p = t.split(separator: "-")
        return (Int(p[0]) ?? 0, Int(p[1]) ?? 0, p.count == 3)
      }
    }
    let cedict = data + "/cc-cedict/cedict_1_0_ts_utf-8_mdbg.txt"
    if FileManager.default.fileExists(atPath: cedict) { lexiconPath = cedict }
    print("corpus: eflomal mix from \(data): \(job.source.count + job.trainSource.count) pairs")
  } else {
    let (s, t) = generatedCorpus(pairs: 2400)
    job = WordAlignJob(source: s, target: t, sourceLanguage: zh, targetLanguage: en)
    job.pretokenized = true
    print("corpus: generated, \(s.count) pairs (no shared data)")
  }
  let pairs = Double(job.source.count + job.trainSource.count)

  // Baseline: IBM Model 1 only.
  var m1 = job
  m1.options.model1Iterations = 5
  m1.options.hmmIterations = 0
  m1.options.agreement = false
  var m1Links: [[AlignmentLink]] = []
  let m1Time = try best(of: 2) { m1Links = try m1.run() }
  report("IBM Model 1 (baseline)", m1Time, pairs, m1Links, gold)

  var ours: [[AlignmentLink]] = []
  let t = try best(of: 2) { ours = try job.run() }
  report("HMM agreement", t, pairs, ours, gold)

  if let lexiconPath {
    var lexLoad = 0.0
    lexLoad = try seconds { job.lexicon = try Lexicon.load(path: lexiconPath) }
    let tl = try best(of: 2) { ours = try job.run() }
    report("HMM + CC-CEDICT", tl, pairs, ours, gold, note: String(format: "(+ %.2f s lexicon load)", lexLoad))
  }
  print(String(format: "peak memory %.0f MiB; eflomal 2.0.0 on the mix: ~170 pairs/s, AER 0.31-0.33", peakMemoryMiB()))
}

private func report(_ name: String, _ seconds: Double, _ pairs: Double, _ links: [[AlignmentLink]],
                    _ gold: [[(Int, Int, Bool)]], note: String = "") {
  var line = name.padding(toLength: 24, withPad: " ", startingAt: 0)
    + String(format: " %7.2f s  %7.0f pairs/s", seconds, pairs / seconds)
  if !gold.isEmpty, gold.count == links.count {
    var nA = 0, nS = 0, aS = 0, aP = 0
    for (g, l) in zip(gold, links) {
      let sure = Set(g.filter { !$0.2 }.map { "\($0.0)-\($0.1)" }), possible = Set(g.map { "\($0.0)-\($0.1)" })
      let test = Set(l.map { "\($0.source)-\($0.target)" })
      nA += test.count; nS += sure.count
      aS += test.intersection(sure).count; aP += test.intersection(possible).count
    }
    line += String(format: "  AER %.4f (P %.3f R %.3f)", 1 - Double(aS + aP) / Double(nA + nS), Double(aP) / Double(max(1, nA)),
                   Double(aS) / Double(max(1, nS)))
  }
  print(line + (note.isEmpty ? "" : "  " + note))
}

/// mac-dev gold beads (Vecalign `[i, j]:[k]`) with both sides non-empty, sentences joined by a space.
private func macDevBeads(_ dir: String) throws -> ([String], [String]) {
  var zh: [String] = [], en: [String] = []
  let files = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
  for gold in files.filter({ $0.hasSuffix(".gold") }).sorted() {
    let stem = dir + "/" + gold.dropLast(5)
    let z = try TextDecoder.read(path: stem + ".zh").split(separator: "\n", omittingEmptySubsequences: false)
    let e = try TextDecoder.read(path: stem + ".en").split(separator: "\n", omittingEmptySubsequences: false)
    for line in try TextDecoder.read(path: dir + "/" + gold).split(separator: "\n") {
      let sides = line.split(separator: ":").map { $0.filter { $0 != "[" && $0 != "]" && $0 != " " }.split(separator: ",").compactMap { Int($0) } }
      guard sides.count == 2, !sides[0].isEmpty, !sides[1].isEmpty else { continue }
      zh.append(sides[0].map { z[$0].trimmingCharacters(in: .whitespaces) }.joined(separator: " "))
      en.append(sides[1].map { e[$0].trimmingCharacters(in: .whitespaces) }.joined(separator: " "))
    }
  }
  return (zh, en)
}

/// Pretokenized pairs from a random bilingual vocabulary with local reordering and function words.
private func generatedCorpus(pairs: Int) -> ([String], [String]) {
  var rng = SplitMix64(seed: 4)
  let n = 3000
  func han(_ k: Int) -> String { String(Character(UnicodeScalar(UInt32(0x4E00 + k % 20000)) ?? "一")) }
  let zhWords: [String] = (0..<n).map { k in han(k * 7) + han(k * 13 + 5) }
  let enWords = (0..<n).map { "w\($0)" }
  let function = ["the", "of", "a", "to"]
  var s: [String] = [], t: [String] = []
  for _ in 0..<pairs {
    let len = 8 + Int(rng.next() % 25)
    var z: [String] = [], e: [String] = []
    for _ in 0..<len {
      let k = Int(min(rng.next() % UInt64(n), rng.next() % UInt64(n)))  // Zipf-like skew
      z.append(zhWords[k])
      if rng.next() % 4 == 0 { e.append(function[Int(rng.next() % 4)]) }
      e.append(enWords[k])
    }
    if e.count > 3, rng.next() % 2 == 0 { e.swapAt(1, 2) }
    s.append(z.joined(separator: " "))
    t.append(e.joined(separator: " "))
  }
  return (s, t)
}
