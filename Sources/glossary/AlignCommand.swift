import ArgumentParser
import Foundation
import GlossaryKit

struct AlignCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "align",
    abstract: "Align the sentences of two language versions of a document.",
    discussion: """
      Finds 1-1, 1-2, 2-1 ... 1-0 and 0-1 links between sentences by length and by lexical \
      evidence: the lexicon and glossary pairs, numbers and months, names (pinyin against \
      romanized), Latin words and quotation and question marks. Beads with a score below 0.25 \
      are low-confidence. With --corpus, the lexicon is loaded once for all pairs.

      Formats: vecalign '[i, j]:[k]:score' (0-based, first file first, empty side []); tsv \
      'source<TAB>target<TAB>score'; json with indices, texts, offsets (Unicode scalars and \
      1-based line:column into the original files) and scores.

      Examples:
        glossary align --presegmented doc.zh doc.en
        glossary align --lexicon cedict_ts.u8 --format tsv release.zh.txt release.en.txt
        glossary align --corpus Corpus --out-dir Alignments --lexicon cedict_ts.u8
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable { case vecalign, tsv, json }

  @Argument(help: "Source-language file (omit with --corpus).") var source: String?
  @Argument(help: "Target-language file (omit with --corpus).") var target: String?
  @Flag(help: "Inputs hold one sentence per line (default: segment with ICU).") var presegmented = false
  @Option(help: "ICU code of the source language; guessed from the script when omitted.") var sourceLang: String?
  @Option(help: "ICU code of the target language; guessed from the script when omitted.") var targetLang: String?
  @Option(help: "CC-CEDICT-format lexicon (source -> target). Default: none.") var lexicon: String?
  @Option(help: "Glossary TSV whose preferred and admitted rows are translation pairs (repeatable).")
  var glossary: [String] = []
  @Option(help: "Output format: vecalign (default), tsv or json.") var format: Format = .vecalign
  @Option(help: "Output file (default: standard output).") var out: String?
  @Option(help: "Batch: a corpus folder of YYYY-MM-DD-slug.LANG.txt pairs (nested folders allowed).")
  var corpus: String?
  @Option(help: "Batch: folder for one alignment file per pair (required with --corpus).") var outDir: String?

  func validate() throws {
    if corpus != nil {
      guard outDir != nil else { throw ValidationError("--corpus needs --out-dir.") }
      guard source == nil else { throw ValidationError("Give either --corpus or two files, not both.") }
    } else if source == nil || target == nil {
      throw ValidationError("Please give a source and a target file (or --corpus DIR --out-dir DIR).")
    }
  }

  func run() throws {
    let normalizer = try MatchKeyNormalizer()
    let pairs = try GlossaryTermPairs.load(paths: glossary).map { (source: $0.0, target: $0.1) }
    let lexiconData = try lexicon.map { try Lexicon.load(path: $0) }
    let table = lexiconData == nil && pairs.isEmpty
      ? nil : TranslationLexicon(lexicon: lexiconData, termPairs: pairs, normalizer: normalizer)
    var aligners = Aligners(table: table)
    if let corpus, let outDir {
      try runBatch(corpus: corpus, outDir: outDir, aligners: &aligners)
      return
    }
    guard let source, let target else { return }
    var output = Output()
    try alignPair(source, target, sourceLang: sourceLang, targetLang: targetLang, aligners: &aligners, into: &output)
    try output.finish(to: out)
  }

  /// One aligner per language pair, sharing the lexicon (loaded once per run).
  struct Aligners {
    let table: TranslationLexicon?
    private var byPair: [String: SentenceAligner] = [:]
    init(table: TranslationLexicon?) { self.table = table }

    mutating func aligner(_ source: Language, _ target: Language) throws -> SentenceAligner {
      let key = "\(source)\u{1}\(target)"
      if let a = byPair[key] { return a }
      let a = try SentenceAligner(sourceLanguage: source, targetLanguage: target, lexicon: table)
      byPair[key] = a
      return a
    }
  }

  private func runBatch(corpus root: String, outDir: String, aligners: inout Aligners) throws {
    let corpus: Corpus
    do { corpus = try Corpus.scan(root) } catch CorpusError.notFound { throw ValidationError("No corpus folder at \(root).") }
    for p in corpus.problems { Failure.printError("warning: \(p)") }
    let guess = corpus.languagePair
    let s = sourceLang ?? guess?.source ?? "zh"
    let t = targetLang ?? (guess.map { $0.source == s ? $0.target : $0.source } ?? "en")
    let paired = corpus.documents(pairedIn: s, t)
    if paired.isEmpty { Failure.printError("warning: no \(s)-\(t) document pairs in \(root)") }
    for doc in paired {
      var output = Output()
      try alignPair(doc.file(s)!.path, doc.file(t)!.path, sourceLang: s, targetLang: t, aligners: &aligners, into: &output)
      let folder = doc.collection.isEmpty ? outDir : outDir + "/" + doc.collection
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      try output.finish(to: "\(folder)/\(doc.id).\(s)-\(t).\(format.rawValue)")
    }
  }

  private func alignPair(
    _ sourcePath: String, _ targetPath: String, sourceLang: String?, targetLang: String?,
    aligners: inout Aligners, into output: inout Output
  ) throws {
    let sd = try TextDocument(contentsOf: sourcePath), td = try TextDocument(contentsOf: targetPath)
    let sl = try sourceLang.map { try Language($0) } ?? Language.guess(sd.text)
    let tl = try targetLang.map { try Language($0) } ?? Language.guess(td.text)
    let ss = try sentences(of: sd, language: sl), ts = try sentences(of: td, language: tl)
    let aligner = try aligners.aligner(sl, tl)
    let result = try aligner.align(
      source: ss.map { sd.string($0.range) }, target: ts.map { td.string($0.range) },
      sourceParagraphs: presegmented ? nil : ss.map(\.paragraph),
      targetParagraphs: presegmented ? nil : ts.map(\.paragraph))
    for w in result.warnings { Failure.printError("warning: \(sourcePath) / \(targetPath): \(w)") }
    let writer = AlignmentWriter(
      source: AlignmentWriter.Side(document: sd, sentences: ss.map(\.range)),
      target: AlignmentWriter.Side(document: td, sentences: ts.map(\.range)))
    switch format {
    case .vecalign: output.write(writer.vecalign(result.beads))
    case .tsv: output.write(writer.tsv(result.beads))
    case .json: output.write(try writer.json(result.beads))
    }
  }

  /// Sentences: ICU segmentation, or one per line with --presegmented.
  private func sentences(of document: TextDocument, language: Language) throws -> [Sentence] {
    guard presegmented else { return try SentenceSegmenter(language: language).sentences(in: document) }
    var result: [Sentence] = []
    let u = document.utf16
    for (k, start) in document.lineStarts.enumerated() {
      var end = k + 1 < document.lineStarts.count ? document.lineStarts[k + 1] - 1 : u.count
      if k + 1 == document.lineStarts.count && start == u.count { break }  // after the final newline
      if end > start && u[end - 1] == 0x0D { end -= 1 }
      result.append(Sentence(range: start..<end, paragraph: 0))
    }
    return result
  }
}
