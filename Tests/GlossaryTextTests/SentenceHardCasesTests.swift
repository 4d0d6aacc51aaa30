import Foundation
import Testing
@testable import GlossaryText

/// The hard cases of press releases (Fixtures/sentence-hard-cases.tsv, written for this
/// project): quotation + attribution, colon-introduced quotations followed by a new sentence,
/// enumeration markers, English abbreviations and acronyms, zh and en. Every case must pass;
/// the accuracy over all of them is printed (and reported in README.md).
@Suite struct SentenceHardCasesTests {
  struct Case: CustomStringConvertible {
    var language: String, kind: String, input: String, expected: [String]
    var description: String { "\(language) \(kind): \(input)" }
  }

  static let cases: [Case] = {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/sentence-hard-cases.tsv").path
    let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    return text.split(separator: "\n").compactMap { line in
      if line.hasPrefix("#") { return nil }
      let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard f.count == 4 else { return nil }
      return Case(language: f[0], kind: f[1], input: f[2], expected: f[3].components(separatedBy: " ‖ "))
    }
  }()

  @Test func theSetHasEnoughCasesOfEachKind() {
    #expect(Self.cases.count >= 50)
    for kind in ["attribution", "colon-quote", "enumeration", "abbreviation"] {
      #expect(Self.cases.filter { $0.kind == kind }.count >= 5, "\(kind)")
    }
    #expect(Set(Self.cases.map(\.language)) == ["zh", "en"])
  }

  @Test func everyCaseIsSegmentedAsExpected() throws {
    var segmenters: [String: SentenceSegmenter] = [:]
    var right = 0
    for c in Self.cases {
      if segmenters[c.language] == nil { segmenters[c.language] = try SentenceSegmenter(language: Language(c.language)) }
      let got = try segmenters[c.language]!.sentences(of: c.input)
      #expect(got == c.expected, "\(c)")
      if got == c.expected { right += 1 }
    }
    print("sentence hard cases: \(right)/\(Self.cases.count)")
  }

  @Test func anEnumerationMarkerIsRecognizedOnlyAlone() {
    let yes = ["1.", "12.", "2．", "3、", "IV.", "a)", "(1)", "（一）", "十二、"]
    let no = ["1", "2020.", "I", "is.", "US.", "Dr.", "(a", "1.5"]
    for s in yes { #expect(SentenceSegmenter.isEnumerationMarker(ArraySlice(Array(s.utf16))), "\(s)") }
    for s in no { #expect(!SentenceSegmenter.isEnumerationMarker(ArraySlice(Array(s.utf16))), "\(s)") }
  }
}
