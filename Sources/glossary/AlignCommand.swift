import ArgumentParser
import Foundation
import GlossaryKit

struct AlignCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "align",
    abstract: "Align the sentences of two language versions of a document.",
    discussion: """
      Finds 1-1, 1-2, 2-1 ... 1-0 and 0-1 links between sentences by length, a lexicon, numbers, \
      names and a translation table learned from the document itself. Beads with a score below \
      0.25 are low-confidence.

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
    if let corpus, let outDir {
      try runBatch(corpus: corpus, outDir: outDir, table: table)
      return
    }
    guard let source, let target else { return }
    var output = Output()
    try alignPair(source, target, sourceLang: sourceLang, targetLang: targetLang, table: table, into: &output)
    try output.finish(to: out)
  }

  private func runBatch(corpus root: String, outDir: String, table: TranslationLexicon?) throws {
    let documents = try CorpusPairs.scan(root)
    let languages = Set(documents.flatMap { $0.files.keys })
    let s = sourceLang ?? (languages.contains("zh") ? "zh" : languages.sorted().first ?? "zh")
    let t = targetLang ?? (languages.contains("en") && s != "en" ? "en" : languages.sorted().first { $0 != s } ?? "en")
    let paired = documents.filter { $0.files[s] != nil && $0.files[t] != nil }
    if paired.isEmpty { Failure.printError("warning: no \(s)-\(t) document pairs in \(root)") }
    for doc in paired {
      var output = Output()
      try alignPair(doc.files[s]!, doc.files[t]!, sourceLang: s, targetLang: t, table: table, into: &output)
      let folder = doc.folder.isEmpty ? outDir : outDir + "/" + doc.folder
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      try output.finish(to: "\(folder)/\(doc.stem).\(s)-\(t).\(format.rawValue)")
    }
  }

  private func alignPair(
    _ sourcePath: String, _ targetPath: String, sourceLang: String?, targetLang: String?,
    table: TranslationLexicon?, into output: inout Output
  ) throws {
    let sd = try TextDocument(contentsOf: sourcePath), td = try TextDocument(contentsOf: targetPath)
    let sl = try sourceLang.map { try Language($0) } ?? Language.guess(sd.text)
    let tl = try targetLang.map { try Language($0) } ?? Language.guess(td.text)
    let ss = try sentences(of: sd, language: sl), ts = try sentences(of: td, language: tl)
    let aligner = try SentenceAligner(sourceLanguage: sl, targetLanguage: tl, lexicon: table)
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

/// Paired corpus files `YYYY-MM-DD-slug.LANG.txt` (same folder and stem, one file per language).
enum CorpusPairs {
  struct Document {
    var folder: String
    var stem: String
    var files: [String: String]  // language -> path
  }

  static func scan(_ root: String) throws -> [Document] {
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: root, isDirectory: &isDir), isDir.boolValue else {
      throw ValidationError("No corpus folder at \(root).")
    }
    var byKey: [String: Document] = [:]
    let pattern = #"^\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.[A-Za-z-]{2,8}\.txt$"#
    for rel in (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []).sorted() {
      let name = rel.split(separator: "/").last.map(String.init) ?? rel
      guard name.range(of: pattern, options: .regularExpression) != nil else { continue }
      let folder = rel.count > name.count ? String(rel.dropLast(name.count + 1)) : ""
      let parts = name.dropLast(4).split(separator: ".")
      let stem = String(parts[0]), language = parts[1].lowercased()
      byKey[folder + "/" + stem, default: Document(folder: folder, stem: stem, files: [:])].files[language] =
        root + "/" + rel
    }
    return byKey.keys.sorted().compactMap { byKey[$0] }.filter { $0.files.count >= 2 }
  }
}
