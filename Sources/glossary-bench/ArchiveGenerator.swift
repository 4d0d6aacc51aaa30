import Foundation
import GlossaryKit

/// Generates an archive of distinct document pairs for `glossary-bench extract`
/// by recombining aligned sentence pairs of Corpus/ (aligned here with the
/// sentence aligner) and, when ../shared/data exists, of wmt-dev (1-1 segments).
///
/// Document i of n gets a date spread evenly over 25 years (2001-2025) and its
/// sentence pairs drawn from a window of the pool around the same relative
/// time (the pool is ordered by the date of the document each pair comes
/// from), so renderings keep their order in time ("One Belt, One Road" before
/// "the Belt and Road Initiative") and recurring formulations recur across
/// documents as they do in an archive. Lengths follow the source documents;
/// sentences are grouped in paragraphs of one to three. Deterministic (seeded).
/// Generated at run time into a temporary folder, never committed.
struct ArchiveGenerator {
  struct SentencePair {
    var source: String
    var target: String
    /// Relative time of the document it comes from, 0...1.
    var time: Double
  }

  var pool: [SentencePair] = []
  /// Sentence pairs per source document (the length distribution to follow).
  var lengths: [Int] = []
  var collections: [String] = []

  /// The pool from Corpus/ (run from the project folder) and shared wmt-dev.
  static func load(corpus: String = "Corpus") throws -> ArchiveGenerator {
    var g = ArchiveGenerator()
    let zh = try Language("zh"), en = try Language("en")
    if let c = try? Corpus.scan(corpus) {
      let docs = c.documents(pairedIn: "zh", "en")
      let dates = docs.map(\.date)
      let lo = dates.min(), hi = dates.max()
      func days(_ d: ISODate) -> Double { Double(d.year * 372 + d.month * 31 + d.day) }
      let zhSeg = try SentenceSegmenter(language: zh), enSeg = try SentenceSegmenter(language: en)
      let aligner = try SentenceAligner(sourceLanguage: zh, targetLanguage: en)
      for d in docs {
        let s = try TextDocument(contentsOf: d.file("zh")!.path), t = try TextDocument(contentsOf: d.file("en")!.path)
        let ss = try zhSeg.sentences(in: s), ts = try enSeg.sentences(in: t)
        let beads = try aligner.align(
          source: ss.map { s.string($0.range) }, target: ts.map { t.string($0.range) },
          sourceParagraphs: ss.map(\.paragraph), targetParagraphs: ts.map(\.paragraph)).beads
        let time = (lo != nil && hi != nil && hi! > lo!) ? (days(d.date) - days(lo!)) / (days(hi!) - days(lo!)) : 0.5
        var n = 0
        for b in beads where !b.source.isEmpty && !b.target.isEmpty && b.score >= 0.2 {
          let sr = ss[b.source.lowerBound].range.lowerBound..<ss[b.source.upperBound - 1].range.upperBound
          let tr = ts[b.target.lowerBound].range.lowerBound..<ts[b.target.upperBound - 1].range.upperBound
          g.pool.append(SentencePair(source: OneLine.flatten(s.string(sr)), target: OneLine.flatten(t.string(tr)), time: time))
          n += 1
        }
        if n >= 3 { g.lengths.append(n) }
        if !g.collections.contains(d.collection), !d.collection.isEmpty { g.collections.append(d.collection) }
      }
    }
    if let shared = sharedDataPath() {
      let wmt = shared + "/wmt-dev"
      let names = ((try? FileManager.default.contentsOfDirectory(atPath: wmt)) ?? []).filter { $0.hasPrefix("doc") && $0.hasSuffix(".zh") }.sorted()
      for (k, n) in names.enumerated() {
        let stem = String(n.dropLast(3))
        guard let zh = try? TextDecoder.read(path: "\(wmt)/\(stem).zh"), let en = try? TextDecoder.read(path: "\(wmt)/\(stem).en") else { continue }
        let zl = zh.split(separator: "\n", omittingEmptySubsequences: false), el = en.split(separator: "\n", omittingEmptySubsequences: false)
        guard zl.count == el.count else { continue }
        var m = 0
        for (a, b) in zip(zl, el) where !a.isEmpty && !b.isEmpty {
          g.pool.append(SentencePair(source: String(a), target: String(b), time: (Double(k) + 0.5) / Double(names.count)))
          m += 1
        }
        if m >= 3 { g.lengths.append(m) }
      }
      if !names.isEmpty { g.collections.append("news") }
    }
    g.pool.sort { $0.time < $1.time }
    if g.collections.isEmpty { g.collections = ["documents"] }
    return g
  }

  /// The date of document `i` of `total`: evenly over 2001-01-01 ... 2025-12-31.
  static func date(_ i: Int, of total: Int) -> ISODate {
    let span = 9130.0  // days in 2001-2025
    var day = Int(Double(i) / Double(max(1, total)) * span)
    var year = 2001, month = 1
    while day >= (ISODate.isLeap(year) ? 366 : 365) { day -= ISODate.isLeap(year) ? 366 : 365; year += 1 }
    while day >= ISODate.daysIn(month: month, year: year) { day -= ISODate.daysIn(month: month, year: year); month += 1 }
    return ISODate(year: year, month: month, day: day + 1)!
  }

  /// Writes documents `range` of an archive of `total` into `dir` (`COLLECTION/DATE-SLUG.zh.txt`
  /// and `.en.txt`). Returns the bytes written.
  @discardableResult
  func write(_ range: Range<Int>, of total: Int, into dir: String, seed: UInt64 = 16) throws -> Int {
    guard !pool.isEmpty, !lengths.isEmpty else { throw NSError(domain: "bench", code: 1, userInfo: [NSLocalizedDescriptionKey: "no sentence pairs to recombine (run from the project folder)"]) }
    var bytes = 0
    let window = max(60, pool.count / 12)
    var made = Set<String>()
    for i in range {
      var rng = SplitMix64(seed: seed &* 0x9E37_79B9 &+ UInt64(i))
      let center = Int(Double(i) / Double(max(1, total)) * Double(pool.count))
      let lo = max(0, min(center - window / 2, pool.count - window)), hi = min(pool.count, lo + window)
      let length = lengths[Int(rng.next() % UInt64(lengths.count))]
      var picks: [Int] = []
      var seen = Set<Int>()
      while picks.count < min(length, hi - lo) {
        let p = lo + Int(rng.next() % UInt64(hi - lo))
        if seen.insert(p).inserted { picks.append(p) }
      }
      var zh = "", en = ""
      var k = 0
      while k < picks.count {
        let size = 1 + Int(rng.next() % 3)
        let group = picks[k..<min(picks.count, k + size)]
        if !zh.isEmpty { zh += "\n\n"; en += "\n\n" }
        zh += group.map { pool[$0].source }.joined()
        en += group.map { pool[$0].target }.joined(separator: " ")
        k += size
      }
      let collection = collections[i % collections.count]
      let stem = "\(dir)/\(collection)/\(Self.date(i, of: total))-generated-\(i)"
      if made.insert(collection).inserted {
        try FileManager.default.createDirectory(atPath: "\(dir)/\(collection)", withIntermediateDirectories: true)
      }
      try Data((zh + "\n").utf8).write(to: URL(fileURLWithPath: stem + ".zh.txt"))
      try Data((en + "\n").utf8).write(to: URL(fileURLWithPath: stem + ".en.txt"))
      bytes += zh.utf8.count + en.utf8.count + 2
    }
    return bytes
  }
}
