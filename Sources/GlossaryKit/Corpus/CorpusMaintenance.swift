import Foundation
import GlossaryText

extension Corpus {
  /// Deep check: every problem of the scan, plus per document: files that do
  /// not decode (invalid UTF-8, NUL bytes), empty files, text whose script does
  /// not fit its declared language (a `.zh.txt` written in English), the same
  /// language on both sides, different paragraph counts, and dates in the future.
  public func check(today: ISODate) -> [CorpusProblem] {
    var found = problems
    for doc in documents {
      var guessed: [String: String] = [:]
      var paragraphs: [String: Int] = [:]
      if doc.date > today {
        found.append(CorpusProblem(path: doc.files[0].path, severity: .warning, message: "date \(doc.date) is in the future"))
      }
      for file in doc.files {
        let text: String
        do {
          text = try TextDecoder.read(path: file.path)
        } catch let error as TextError {
          found.append(Self.problem(from: error, path: file.path))
          continue
        } catch {
          found.append(CorpusProblem(path: file.path, severity: .error, message: "\(error)"))
          continue
        }
        if text.allSatisfy(\.isWhitespace) {
          found.append(CorpusProblem(path: file.path, severity: .error, message: "empty file"))
          continue
        }
        guard let declared = try? Language(file.language) else {
          found.append(CorpusProblem(path: file.path, severity: .error, message: "unknown language code '\(file.language)'"))
          continue
        }
        guessed[file.language] = Language.guess(text).base
        if CheckDocuments.languageProblem(text: text, declared: declared) != nil {
          found.append(CorpusProblem(path: file.path, line: 1, severity: .error,
            message: "declared \(file.language) but the text looks like \(guessed[file.language]!)"))
        }
        paragraphs[file.language] = SentenceSegmenter.paragraphs(Array(text.utf16)).count
      }
      if guessed.count >= 2, Set(guessed.values).count == 1, Set(doc.files.map { Self.scriptFamily($0.language) }).count > 1 {
        found.append(CorpusProblem(path: doc.files[0].path, severity: .error,
          message: "the same language (\(guessed.values.first!)) on both sides of \(doc.id)"))
      }
      if Set(paragraphs.values).count > 1 {
        let counts = paragraphs.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        found.append(CorpusProblem(path: doc.files[0].path, severity: .warning,
          message: "paragraph counts differ (\(counts)): alignment will rely on sentences alone"))
      }
    }
    return found
  }

  /// Languages written in the same script family cannot be told apart by the guess.
  static func scriptFamily(_ language: String) -> String {
    let base = String(language.prefix { $0 != "-" })
    let latin: Set<String> = ["en", "fr", "de", "es", "it", "pt", "nl", "pl", "cs", "vi", "id", "ms", "tr", "sv", "da", "fi"]
    if latin.contains(base) { return "Latn" }
    if ["ru", "uk", "bg", "sr", "kk", "mn", "be"].contains(base) { return "Cyrl" }
    return base
  }

  static func problem(from error: TextError, path: String) -> CorpusProblem {
    switch error {
    case let .invalidUTF8(_, line, column):
      return CorpusProblem(path: path, line: line, severity: .error, message: "invalid UTF-8 at column \(column)")
    case let .nulByte(_, line, column):
      return CorpusProblem(path: path, line: line, severity: .error, message: "NUL byte at column \(column) (binary file?)")
    default:
      return CorpusProblem(path: path, severity: .error, message: error.description)
    }
  }

  /// Adds a document pair to a corpus folder as
  /// `<root>/<collection>/<date>-<slug>.<lang>.txt`, decoded to UTF-8 with LF
  /// line ends. Validates everything first; writes nothing on error.
  /// - Returns: the paths written.
  @discardableResult
  public static func add(
    root: String, source: String, target: String, sourceLanguage: String?, targetLanguage: String?,
    date: String, slug: String, collection: String?, metadata: [String: String] = [:]
  ) throws -> [String] {
    guard let day = ISODate(date) else { throw CorpusError.invalid("--date \(date): expected a real date YYYY-MM-DD") }
    guard parseName("\(day)-\(slug).xx.txt") != nil else {
      throw CorpusError.invalid("--slug \(slug): use lowercase letters, digits and hyphens")
    }
    let texts = try [source, target].map { try TextDecoder.read(path: $0) }
    for (path, text) in zip([source, target], texts) where text.allSatisfy(\.isWhitespace) {
      throw CorpusError.invalid("\(path): empty file")
    }
    let languages = try zip([sourceLanguage, targetLanguage], texts).map { given, text in
      try given.map { try Language($0).code } ?? Language.guess(text).code
    }
    guard languages[0] != languages[1] else {
      throw CorpusError.invalid("both files are \(languages[0]): give --source-lang and --target-lang, or check the files")
    }
    let folder = collection.map { root + "/" + $0 } ?? root
    let stem = folder + "/\(day)-\(slug)"
    let paths = languages.map { stem + ".\($0).txt" }
    for p in paths + [stem + ".meta"] where FileManager.default.fileExists(atPath: p) && (p.hasSuffix(".txt") || !metadata.isEmpty) {
      throw CorpusError.exists(path: p)
    }
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    var written: [String] = []
    do {
      for (path, text) in zip(paths, texts) {
        try AtomicFile.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8), to: path)
        written.append(path)
      }
      if !metadata.isEmpty {
        let meta = metadata.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)\n" }.joined()
        try AtomicFile.write(Data(meta.utf8), to: stem + ".meta")
        written.append(stem + ".meta")
      }
    } catch {
      for p in written { try? FileManager.default.removeItem(atPath: p) }
      throw error
    }
    return written
  }
}
