import Foundation
import GlossaryTestSupport
import Testing

@testable import GlossaryKit

/// Applying review sheets: the session's rules, row problems with file:line, idempotence.
struct ReviewSheetTests {
  static let today = ISODate("2026-11-30")!

  func apply(_ csv: String, to s: ReviewStorage) throws -> ReviewSheet.Report {
    try ReviewSheet.apply(sheet: csv, sheetPath: "s.csv", to: s, reviewer: "li", date: Self.today)
  }

  @Test func skipKeepsACandidateAndASecondAcceptIsRefused() throws {
    let s = try ReviewSessionTests.storage()
    // Columns in another order, upper-case decision words, LF line ends, no BOM.
    let csv = """
      decision,target,source
      ACCEPT,the Belt and Road Initiative,一带一路
      accept,One Belt, One Road,一带一路
      skip,the Belt and Road,一带一路
      ,bilateral relations,双边关系

      """
    // The unquoted comma shifts the second row's fields: its "source" is "One Road".
    let report = try apply(csv, to: s)
    #expect(report.applied == 1)
    #expect(report.problems == ["s.csv:3: unknown term One Road -> One Belt: not in \(s.path)"])
    #expect(try ReviewSessionTests.row(s, "一带一路", "the Belt and Road Initiative")?.status == .preferred)
    #expect(try ReviewSessionTests.row(s, "一带一路", "One Belt, One Road")?.status == .rejected)  // not chosen
    #expect(try ReviewSessionTests.row(s, "一带一路", "the Belt and Road")?.status == .candidate)  // skip keeps it
    #expect(try ReviewSessionTests.row(s, "双边关系", "bilateral relations")?.status == .candidate)

    let second = try apply("source,target,decision\n一带一路,the Belt and Road,accept\n", to: s)
    #expect(second.applied == 0)
    #expect(second.problems.first?.contains("already has the preferred rendering") == true)
  }

  @Test func aSheetWithoutTheNeededColumnsIsRefusedWhole() throws {
    let s = try ReviewSessionTests.storage()
    let before = try s.read()
    #expect(throws: ReviewError.self) { try apply("source,target\n一带一路,x\n", to: s) }
    #expect(try s.read() == before)
  }

  @Test func aDeprecationToSomethingThatIsNoRenderingIsRefusedNamingTheRow() throws {
    let s = try ReviewSessionTests.storage()
    let csv = "concept,source,target,decision,replacement\n,一带一路,One Belt, One Road,deprecate,nonexistent thing\n,国家主席,Chairman,deprecate,\n"
    let fixed = csv.replacingOccurrences(of: "One Belt, One Road", with: "\"One Belt, One Road\"")
    let report = try apply(fixed, to: s)
    #expect(report.applied == 1)
    #expect(report.problems == ["s.csv:2: \"nonexistent thing\" is not a rendering of 一带一路: add it first, or leave the replacement empty for the preferred one"])
    #expect(try ReviewSessionTests.row(s, "一带一路", "One Belt, One Road")?.status == .candidate)
    #expect(try ReviewSessionTests.row(s, "国家主席", "Chairman")?.replacedBy == "President")
  }
}
