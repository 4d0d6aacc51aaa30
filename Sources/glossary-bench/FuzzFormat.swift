import Foundation
import GlossaryKit
import GlossaryText

/// One input format of `glossary-bench fuzz`: its seed files (Tests/Fuzz/Seeds), the
/// syntax tokens its mutations insert, the in-process parse, and the CLI commands run on it.
enum FuzzFormat: String, CaseIterable {
  case tsv, csv, json, tbx, tbx2, lexicon, sheet, corpus

  /// Seed files (names under the seed folder); the mutant keeps the first one's name.
  var seedNames: [String] {
    switch self {
    case .tsv: ["glossary.zh-en.tsv"]
    case .csv: ["import.csv"]
    case .json: ["import.json"]
    case .tbx: ["import.tbx"]
    case .tbx2: ["import2.tbx"]
    case .lexicon: ["lexicon.u8"]
    case .sheet: ["sheet.csv"]
    case .corpus: ["2020-03-04-call.zh.txt", "2020-03-04-call.en.txt", "2020-03-04-call.meta"]
    }
  }

  /// File name of the mutant in its work folder.
  func mutantName(seedIndex: Int) -> String {
    switch self {
    case .tsv: "mutant.zh-en.tsv"
    case .tbx2: "mutant.tbx"
    case .corpus: seedNames[seedIndex]
    default: "mutant." + (seedNames[0].split(separator: ".").last.map(String.init) ?? "txt")
    }
  }

  /// Syntax of the format: what a mutation inserts or swaps most often.
  var tokens: [String] {
    let statuses = ["preferred", "admitted", "deprecated", "superseded", "candidate", "rejected", "bogus"]
    switch self {
    case .tsv:
      return statuses + [
        "\\t", "\\n", "\\r", "\\\\", "\\x", "# comment\n", "languages\tzh\ten\n", "languages\ten\tzh\n", "\t*\t", "c1", "c99",
        "\tzh\t", "\ten\t", "\tfr\t", "1e400", "nan", "2016-01-01", "\t\t\t\t\t\t\t\t\t\t", "format1\n",
      ]
    case .csv, .sheet:
      return statuses + [
        "\"", "\"\"", ",", ",,,,", "\r\n", "\n", "zh", "en", "fr", "concept", "source", "target", "accept", "reject",
        "edit", "variant", "deprecate", "skip", "c6", "c7", "c999", "\"a\nb\"",
      ]
    case .json:
      return statuses + [
        "{", "}", "[", "]", "\"", ":", ",", "null", "true", "-1", "1e999", "-0", "\\u0000", "\\ud800", "\\\"", "\"\": \"\"",
        "\"occurrences\": -1,", "\"score\": \"x\",", "\"validFrom\": \"2020-01-01\", \"validTo\": \"2019-01-01\",", "[[[[[[[[",
      ]
    case .tbx, .tbx2:
      return [
        "<", ">", "</", "/>", "<term>", "</term>", "<termSec>", "</termSec>", "<langSec xml:lang=\"fr\">", "</langSec>",
        "<conceptEntry id=\"c3\">", "</conceptEntry>", "&amp;", "&lt;", "&#0;", "&#x1;", "&#xD800;", "&#xFFFE;", "&e;",
        "<!DOCTYPE tbx [<!ENTITY e \"expanded\">]>", "<!ENTITY e SYSTEM \"file:///etc/passwd\">", "<![CDATA[x]]>",
        "<?pi x?>", "<!-- c -->", " a=\"1\"", " xml:lang=\"\"", " id=\"c3\"", "preferredTerm-admn-sts",
        "deprecatedTerm-admn-sts", "<note>valid to: 2001-01-01</note>", "<note>replaced by: nothing</note>",
        "<?xml version=\"1.0\" encoding=\"UTF-16\"?>", "<\u{00FF}\u{FFFE}>",
      ]
    case .lexicon:
      return [" ", "[", "]", "/", "//", "#", "\n", "\r\n", "pin1", "一带一路", "[]", "/ /", "#!", "\t"]
    case .corpus:
      return ["。", "，", "“", "”", "\n\n", "\n\n\n\n", "Mr.", "U.S.", "...", "——", "date: ", "date: 2020-02-30\n",
              "kind: \n", "一带一路", "the Belt and Road", "\u{3000}", "！？", "\u{0301}", "a\u{0308}"]
    }
  }

  /// Salt so that the formats draw different mutants under one seed.
  var salt: UInt64 {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for b in rawValue.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
    return h
  }

  /// The exchange format the importer reads, for import formats.
  var exchange: ExchangeFormat? {
    switch self {
    case .csv: .csv
    case .json: .json
    case .tbx: .tbx
    case .tbx2: .tbx2
    default: nil
    }
  }

  /// Parses the mutant in this process, as the command that reads it would.
  /// - Returns: a glossary this input would make the tool write (imports, sheets), else nil.
  /// - Throws: the parser's refusal.
  func parse(_ path: String, context: FuzzContext) throws -> Glossary? {
    switch self {
    case .tsv:
      _ = try GlossaryStore.load(path: path)
      return nil
    case .csv, .json, .tbx, .tbx2:
      let imported = try GlossaryImporter.read(path: path, format: exchange)
      var g = Glossary(languages: imported.languages)
      g.comments = imported.comments
      _ = try GlossaryImporter.merge(imported, into: &g, path: "fuzz-import.tsv", file: path)
      g.sort()
      return g
    case .lexicon:
      _ = try Lexicon.load(path: path)
      return nil
    case .sheet:
      let storage = ReviewMemoryStorage(context.glossary, path: "fuzz-review.zh-en.tsv")
      let text = try TextDecoder.read(path: path)
      _ = try ReviewSheet.apply(sheet: text, sheetPath: path, to: storage, reviewer: "fuzz", date: ISODate.today())
      var g = try storage.read()
      g.sort()
      return g
    case .corpus:
      if path.hasSuffix(".meta") {
        _ = Corpus.parseMetadata(try TextDecoder.read(path: path))
      } else {
        let document = try TextDocument(contentsOf: path)
        let language = try Language(path.hasSuffix(".zh.txt") ? "zh" : "en")
        _ = try SentenceSegmenter(language: language).sentences(in: document)
      }
      _ = try Corpus.scan(URL(fileURLWithPath: path).deletingLastPathComponent().path)
      return nil
    }
  }
}

/// What every mutant of a run shares: the seed glossary and the paths of the seed corpus pair.
struct FuzzContext {
  let seedFolder: String
  let glossary: Glossary
  var glossaryPath: String { seedFolder + "/glossary.zh-en.tsv" }
  var sourceDocument: String { seedFolder + "/2020-03-04-call.zh.txt" }
  var targetDocument: String { seedFolder + "/2020-03-04-call.en.txt" }
}
