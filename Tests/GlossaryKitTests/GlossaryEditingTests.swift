import Foundation
import GlossaryTestSupport
import Testing

@testable import GlossaryKit

@Suite struct GlossaryEditingTests {
  @Test func addRefusesDuplicatesAndTwoPreferred() throws {
    var g = try Glossary.parse(TestSupport.sampleGlossary, path: "s.tsv")
    #expect(throws: GlossaryError.self) { try g.add(GlossaryEntry(source: "国家主席", target: "President", status: .admitted)) }
    #expect(throws: GlossaryError.self) { try g.add(GlossaryEntry(source: "国家主席", target: "State President", status: .preferred)) }
    // A preferred rendering for a period that does not overlap is fine.
    try g.add(GlossaryEntry(source: "一带一路", target: "the Belt and Road", status: .admitted, validFrom: ISODate("2016-01-01")).with { $0.target = "B&R" })
    try g.add(GlossaryEntry(source: "命运共同体", target: "community of common destiny", status: .deprecated, replacedBy: "community with a shared future"))
  }

  @Test func deprecateSetsDatesAndReplacement() throws {
    var g = Glossary()
    try g.add(GlossaryEntry(source: "中国梦", target: "the China Dream", status: .preferred))
    try g.deprecate(source: "中国梦", target: "the China Dream", replacement: "the Chinese Dream", since: ISODate("2014-01-01"), superseded: true)
    let old = g.entries[g.index(source: "中国梦", target: "the China Dream")!]
    let new = g.entries[g.index(source: "中国梦", target: "the Chinese Dream")!]
    #expect(old.status == .superseded && old.validTo == ISODate("2013-12-31") && old.replacedBy == "the Chinese Dream")
    #expect(new.status == .preferred && new.validFrom == ISODate("2014-01-01"))
    #expect(throws: GlossaryError.self) {
      try g.deprecate(source: "中国梦", target: "the Chinese Dream", replacement: "the Chinese Dream", since: nil)
    }
  }

  @Test func editAndRemove() throws {
    var g = try Glossary.parse(TestSupport.sampleGlossary, path: "s.tsv")
    try g.edit(source: "国家主席", target: "President") { $0.note = "Before a name." }
    #expect(g.entries.first { $0.source == "国家主席" }?.note == "Before a name.")
    #expect(throws: GlossaryError.self) { try g.edit(source: "一带一路", target: "OBOR") { $0.target = "the Belt and Road" } }
    #expect(throws: GlossaryError.self) { try g.edit(source: "一带一路", target: "OBOR") { $0.status = .preferred; $0.validFrom = nil } }
    try g.remove(source: "国家主席", target: "President")
    #expect(g.index(source: "国家主席", target: "President") == nil)
    #expect(throws: GlossaryError.self) { try g.remove(source: "国家主席", target: "President") }
  }
}

extension GlossaryEntry {
  func with(_ change: (inout GlossaryEntry) -> Void) -> GlossaryEntry {
    var e = self
    change(&e)
    return e
  }
}
