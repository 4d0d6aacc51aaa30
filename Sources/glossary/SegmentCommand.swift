import ArgumentParser
import GlossaryKit

struct SegmentCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "segment",
    abstract: "Split text into sentences or words (ICU plus press-release repairs).",
    discussion: """
      Sentences: one per line. Words: one token per line, a blank line after each sentence. \
      JSON adds offsets (Unicode scalars into the decoded text, and 1-based line:column) and kinds.

      Chinese words come from a lattice over the shipped word-frequency list (jieba's), the \
      lexicon's headwords and the glossary's terms (best path by unigram cost); --no-lattice \
      keeps ICU's dictionary words merged with known terms by longest match.

      Examples:
        glossary segment --sentences --lang zh release.zh.txt
        glossary segment --words --lexicon cedict_ts.u8 --format json release.zh.txt
        glossary segment --words --glossary Glossaries/diplomatic.zh-en.tsv release.zh.txt
      """
  )

  enum Unit: EnumerableFlag {
    case sentences, words
    static func help(for value: Unit) -> ArgumentHelp? {
      value == .sentences ? "One sentence per line (default)." : "One token per line."
    }
  }

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

  @Flag(exclusivity: .exclusive) var unit: Unit = .sentences
  @Option(help: "ICU language code (zh, en, fr, ru, lo ...); guessed from the script when omitted.")
  var lang: String?
  @Option(help: "CC-CEDICT-format lexicon whose headwords are words.")
  var lexicon: String?
  @Option(help: "Glossary TSV whose source terms are words (repeatable).") var glossary: [String] = []
  @Flag(help: "Chinese: ICU's dictionary words and longest-match merges instead of the lattice.")
  var noLattice = false
  @Option(help: "Output format: text or json.") var format: Format = .text
  @Argument(help: "Input file, or - for standard input (default).") var file: String = "-"

  func run() throws {
    let document = try TextDocument(contentsOf: file)
    let language = try lang.map { try Language($0) } ?? Language.guess(document.text)
    let sentences = try SentenceSegmenter(language: language).sentences(in: document)
    var out = Output()
    switch unit {
    case .sentences:
      if format == .json {
        out.line(try jsonString(sentences.enumerated().map { SentenceJSON($1, index: $0, in: document) }))
      } else {
        for s in sentences { out.line(OneLine.flatten(document.string(s.range))) }
      }
    case .words:
      let normalizer = try MatchKeyNormalizer()
      let headwords = try lexicon.map { try Lexicon.load(path: $0).terms }
      var terms: TermTrie? = nil
      for (k, pair) in try GlossaryTermPairs.load(paths: glossary).enumerated() {
        if terms == nil { terms = TermTrie() }
        terms!.insert(normalizer.key(for: pair.0).units, value: Int32(k))
      }
      let tokenizer = try WordTokenizer(
        language: language, terms: terms, lexicon: headwords, lattice: !noLattice, normalizer: normalizer)
      var json: [SentenceJSON] = []
      for (index, s) in sentences.enumerated() {
        let tokens = try document.utf16[s.range].withUnsafeBufferPointer { try tokenizer.tokenize($0) }
        if format == .json {
          var entry = SentenceJSON(s, index: index, in: document)
          entry.tokens = tokens.tokens.map { TokenJSON($0, in: tokens, offset: s.range.lowerBound, document: document) }
          json.append(entry)
        } else {
          for t in tokens.tokens {
            out.line(document.string((s.range.lowerBound + Int(t.range.lowerBound))..<(s.range.lowerBound + Int(t.range.upperBound))))
          }
          out.line("")
        }
      }
      if format == .json { out.line(try jsonString(json)) }
    }
    try out.finish()
  }

}

struct SentenceJSON: Encodable {
  var index: Int
  var paragraph: Int
  var text: String
  var start: Int
  var end: Int
  var line: Int
  var column: Int
  var tokens: [TokenJSON]?

  init(_ s: Sentence, index: Int, in document: TextDocument) {
    self.index = index
    paragraph = s.paragraph
    text = document.string(s.range)
    start = document.scalarOffset(s.range.lowerBound)
    end = document.scalarOffset(s.range.upperBound)
    (line, column) = document.lineColumn(s.range.lowerBound)
  }
}

struct TokenJSON: Encodable {
  var text: String
  var key: String
  var kind: String
  var script: String
  var known: Bool
  var start: Int
  var end: Int

  init(_ t: Token, in tokens: TokenizedText, offset: Int, document: TextDocument) {
    let range = (offset + Int(t.range.lowerBound))..<(offset + Int(t.range.upperBound))
    text = document.string(range)
    key = tokens.keyString(t)
    kind = t.kind.description
    script = scriptName(t.script)
    known = t.isKnownTerm
    start = document.scalarOffset(range.lowerBound)
    end = document.scalarOffset(range.upperBound)
  }
}
