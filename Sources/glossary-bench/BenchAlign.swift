import Foundation
import GlossaryKit

// glossary-bench align [--no-lexicon] [--mac-only] [--sweep] [key=value[,value...] ...]
//   Sentence alignment speed (sentences/second, both sides counted) and peak memory on
//   mac-dev (with strict/lax F1 against its gold links, scored as score_sentalign.py does)
//   and on a generated 10,000-sentence pair; plain Gale-Church (length only) in the same
//   process is the baseline. key=value pairs override SentenceAlignerConfig fields
//   (see `apply`). Comma-separated values (or --sweep) run every combination on mac-dev only,
//   with and without the lexicon, and print one line each (for tuning).
//   Sweeps read mac-dev, or each `--dir PATH` given (a folder of NAME.zh/.en/.gold, such as the
//   noisy sets scripts/eval-align.sh writes); `--tune` keeps the tuning part only (mac-dev
//   dev-anno.001-003, Corpus/ documents dated up to 2019), `--report` the reported part.
func benchAlign(_ args: [String]) throws {
  let configs = try sweepConfigs(args)
  if configs.count > 1 || args.contains("--sweep") { return try sweepAlign(configs, lexicon: !args.contains("--no-lexicon")) }
  let config = configs[0].config
  let zh = try Language("zh"), en = try Language("en")
  var gcConfig = config
  gcConfig.lengthOnly = true
  var table: TranslationLexicon? = nil
  if let data = sharedDataPath() {
    let cedict = data + "/cc-cedict/cedict_1_0_ts_utf-8_mdbg.txt"
    if !args.contains("--no-lexicon"), FileManager.default.fileExists(atPath: cedict) {
      var lexicon: Lexicon? = nil
      let readTime = try seconds { lexicon = try Lexicon.load(path: cedict) }
      let normalizer = try MatchKeyNormalizer()
      let buildTime = seconds { table = TranslationLexicon(lexicon: lexicon, normalizer: normalizer) }
      print(String(format: "lexicon: read %.2f s, TranslationLexicon %.2f s (%d entries, %d target words)",
        readTime, buildTime, table!.entryCount, table!.wordCount))
    }
    let mac = data + "/mac-dev"
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: mac)) ?? []).filter { $0.hasSuffix(".gold") }.sorted()
    if !names.isEmpty {
      var docs: [(zh: [String], en: [String], gold: [Link])] = []
      for name in names {
        let stem = mac + "/" + name.dropLast(5)
        docs.append((try lines(stem + ".zh"), try lines(stem + ".en"), try readLinks(mac + "/" + name)))
      }
      let sentences = docs.reduce(0) { $0 + $1.zh.count + $1.en.count }
      for (label, cfg, lex) in [("gale-church", gcConfig, nil), ("glossary", config, table)] {
        let aligner = try SentenceAligner(sourceLanguage: zh, targetLanguage: en, lexicon: lex, config: cfg)
        var results: [[Link]] = []
        let t = try best(of: 3) {
          results = try docs.map { d in
            try aligner.align(source: d.zh, target: d.en).beads.map { Link(Array($0.source), Array($0.target)) }
          }
        }
        let s = score(zip(docs.map(\.gold), results).map { ($0, $1) })
        print(String(format: "mac-dev %-12@ %.3f s  %8.0f sent/s  strict_f1=%.4f lax_f1=%.4f", label as NSString, t,
          Double(sentences) / t, s.strict, s.lax))
      }
    }
  }
  if args.contains("--mac-only") { return }
  // Generated pair: mac-dev-like lengths, 10,000 source sentences, some split in two on the target side.
  var rng = SplitMix64(seed: 42)
  var src: [String] = [], tgt: [String] = []
  let words = ["state", "people", "development", "cooperation", "peace", "friend", "region", "economy", "trade",
               "security", "culture", "history", "river", "mountain", "city", "village", "family", "year"]
  let han = Array("国家人民发展合作和平朋友地区经济贸易安全文化历史河山城市村家年的了是在有")
  for k in 0..<10_000 {
    let len = 8 + Int(rng.next() % 40)
    var z = String((0..<len).map { _ in han[Int(rng.next() % UInt64(han.count))] })
    z += String(k % 1000) + "。"
    let e = (0..<(len / 2 + 2)).map { _ in words[Int(rng.next() % UInt64(words.count))] }.joined(separator: " ")
      + " " + String(k % 1000) + "."
    src.append(z)
    if rng.next() % 5 == 0 {
      let half = e.split(separator: " ").count / 2
      let ws = e.split(separator: " ")
      tgt.append(ws[..<half].joined(separator: " ") + ".")
      tgt.append(ws[half...].joined(separator: " "))
    } else {
      tgt.append(e)
    }
  }
  for (label, cfg) in [("gale-church", gcConfig), ("glossary", config)] {
    let aligner = try SentenceAligner(sourceLanguage: zh, targetLanguage: en, lexicon: table, config: cfg)
    var beads = 0
    let t = try seconds { beads = try aligner.align(source: src, target: tgt).beads.count }
    print(String(format: "10k     %-12@ %.3f s  %8.0f sent/s  beads=%d  peak %.0f MiB", label as NSString, t,
      Double(src.count + tgt.count) / t, beads, peakMemoryMiB()))
  }
}

/// Every combination of the key=value[,value...] arguments.
private func sweepConfigs(_ args: [String]) throws -> [(label: String, config: SentenceAlignerConfig)] {
  var configs = [(label: "", config: SentenceAlignerConfig())]
  for a in args where a.contains("=") {
    let kv = a.split(separator: "=", maxSplits: 1).map(String.init)
    let values = kv[1].split(separator: ",").map(String.init)
    configs = try configs.flatMap { c in
      try values.map { v in
        var d = c.config
        try apply(kv[0], Double(v) ?? 0, to: &d)
        return (c.label + " \(kv[0])=\(v)", d)
      }
    }
  }
  return configs
}

private func apply(_ key: String, _ v: Double, to config: inout SentenceAlignerConfig) throws {
  switch key {
  case "lexicalWeight": config.lexicalWeight = v
  case "skipCost": config.skipCost = v
  case "skipCostWithoutLexicon": config.skipCostWithoutLexicon = v
  case "chance": config.chance = v
  case "lengthWeight": config.lengthWeight = v
  case "maxSide": config.maxSide = Int(v)
  case "stemLength": config.stemLength = Int(v)
  case "bandWidth": config.bandWidth = Int(v)
  case "secondPass": config.secondPass = v != 0
  case "refitLength": config.refitLength = v != 0
  case "substringMatches": config.substringMatches = Int(v)
  case "learnMinCount": config.learnMinCount = Int(v)
  case "learnMinDice": config.learnMinDice = v
  case "learnOneToOneOnly": config.learnOneToOneOnly = v != 0
  case "confidentShare": config.confidentShare = v
  case "smoothing": config.smoothing = v
  default: throw BenchAlignError.unknownSetting(key)
  }
}

/// mac-dev strict / lax F1 of each config, without and with the lexicon.
private func sweepAlign(_ configs: [(label: String, config: SentenceAlignerConfig)], lexicon useLexicon: Bool) throws {
  guard let data = sharedDataPath() else { print("no shared data"); return }
  let zh = try Language("zh"), en = try Language("en")
  var table: TranslationLexicon? = nil
  let cedict = data + "/cc-cedict/cedict_1_0_ts_utf-8_mdbg.txt"
  if useLexicon, FileManager.default.fileExists(atPath: cedict) {
    table = TranslationLexicon(lexicon: try Lexicon.load(path: cedict), normalizer: try MatchKeyNormalizer())
  }
  var dirs: [String] = []
  for (k, a) in args.enumerated() where a == "--dir" && k + 1 < args.count { dirs.append(args[k + 1]) }
  if dirs.isEmpty { dirs = [data + "/mac-dev"] }
  var docs: [(zh: [String], en: [String], gold: [Link])] = []
  for dir in dirs {
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".gold") }.sorted()
    for name in names {
      let stem = String(name.dropLast(5))
      if args.contains("--tune") && !isTuningPart(stem) || args.contains("--report") && isTuningPart(stem) { continue }
      docs.append((try lines(dir + "/" + stem + ".zh"), try lines(dir + "/" + stem + ".en"), try readLinks(dir + "/" + name)))
    }
  }
  for (label, config) in configs {
    var line = label.isEmpty ? "defaults" : label
    for lex in table == nil ? [nil] : [nil, table] {
      let aligner = try SentenceAligner(sourceLanguage: zh, targetLanguage: en, lexicon: lex, config: config)
      let results = try docs.map { d in
        try aligner.align(source: d.zh, target: d.en).beads.map { Link(Array($0.source), Array($0.target)) }
      }
      let s = score(zip(docs.map(\.gold), results).map { ($0, $1) })
      line += String(format: "  %@ %.4f/%.4f", lex == nil ? "nolex" : "lex", s.strict, s.lax)
    }
    print(line)
  }
}

/// The house split: mac-dev dev-anno.001-003 and documents dated up to 2019 are tuned on.
private func isTuningPart(_ stem: String) -> Bool {
  if stem.hasPrefix("dev-anno.") { return ["dev-anno.001", "dev-anno.002", "dev-anno.003"].contains(stem) }
  return stem.prefix(4) < "2020"
}

enum BenchAlignError: Error, CustomStringConvertible {
  case unknownSetting(String)
  var description: String { "unknown setting \(self)" }
}

struct Link: Hashable {
  var s: [Int]
  var t: [Int]
  init(_ s: [Int], _ t: [Int]) { self.s = s; self.t = t }
}

private func lines(_ path: String) throws -> [String] {
  let text = try TextDecoder.read(path: path)
  var l = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  if l.last == "" { l.removeLast() }
  return l
}

private func readLinks(_ path: String) throws -> [Link] {
  try lines(path).filter { !$0.isEmpty }.map { line in
    let parts = line.split(separator: ":", omittingEmptySubsequences: false)
    func side(_ s: Substring) -> [Int] {
      s.filter { $0 != "[" && $0 != "]" }.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }
    return Link(side(parts[0]), side(parts[1]))
  }
}

/// Strict and lax F1, micro-averaged, as ../shared/eval/score_sentalign.py computes them.
private func score(_ pairs: [(gold: [Link], test: [Link])]) -> (strict: Double, lax: Double) {
  func hits(_ ref: [Link], _ cand: [Link]) -> (Int, Int, Int) {
    let r = Set(ref.filter { !$0.s.isEmpty || !$0.t.isEmpty })
    let c = Set(cand.filter { !$0.s.isEmpty || !$0.t.isEmpty })
    var reach: [Int: Set<Int>] = [:]
    for l in r { for s in l.s { reach[s, default: []].formUnion(l.t) } }
    var strict = 0, lax = 0
    for l in c {
      if r.contains(l) { strict += 1; lax += 1 } else if l.s.contains(where: { s in l.t.contains { reach[s]?.contains($0) ?? false } }) { lax += 1 }
    }
    return (strict, lax, c.count)
  }
  var p = (0, 0, 0), rc = (0, 0, 0)
  for (g, t) in pairs {
    let a = hits(g, t)
    p = (p.0 + a.0, p.1 + a.1, p.2 + a.2)
    let full = { (l: [Link]) in l.filter { !$0.s.isEmpty && !$0.t.isEmpty } }
    let b = hits(full(t), full(g))
    rc = (rc.0 + b.0, rc.1 + b.1, rc.2 + b.2)
  }
  func f1(_ x: Double, _ y: Double) -> Double { x + y > 0 ? 2 * x * y / (x + y) : 0 }
  let ps = Double(p.0) / Double(max(1, p.2)), pl = Double(p.1) / Double(max(1, p.2))
  let rs = Double(rc.0) / Double(max(1, rc.2)), rl = Double(rc.1) / Double(max(1, rc.2))
  return (f1(ps, rs), f1(pl, rl))
}
