import Foundation
import GlossaryTestSupport
import Testing

@testable import GlossaryKit

@Suite struct ImportTests {
  @Test func readsTBXVersion2() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let v2 = """
      <?xml version="1.0" encoding="UTF-8"?>
      <martif type="TBX" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader>
      <text><body>
        <termEntry id="t1">
          <langSet xml:lang="zh-CN"><tig><term>一带一路</term></tig></langSet>
          <langSet xml:lang="en-US">
            <tig><term>the Belt and Road Initiative</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
            <ntig><termGrp><term>OBOR</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termGrp><note>Never.</note></ntig>
          </langSet>
        </termEntry>
      </body></text></martif>
      """
    let file = try TestSupport.write(v2, to: "old.tbx", in: dir)
    let g = try GlossaryImporter.read(path: file, languages: ("zh", "en"))
    #expect(g.entries.map(\.target) == ["the Belt and Road Initiative", "OBOR"])
    #expect(g.entries.map(\.status) == [.preferred, .deprecated])
    #expect(g.entries[1].note == "Never.")
  }

  @Test func refusesEntityDeclarations() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let bomb = """
      <?xml version="1.0"?>
      <!DOCTYPE tbx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
      <tbx><text><body><conceptEntry><langSec xml:lang="zh"><termSec><term>&b;</term></termSec></langSec></conceptEntry></body></text></tbx>
      """
    let file = try TestSupport.write(bomb, to: "bomb.tbx", in: dir)
    #expect(throws: GlossaryError.self) { try GlossaryImporter.read(path: file, languages: ("zh", "en")) }
    let external = try TestSupport.write("<?xml version=\"1.0\"?>\n<!DOCTYPE tbx SYSTEM \"file:///etc/passwd\">\n<tbx/>", to: "ext.tbx", in: dir)
    let g = try GlossaryImporter.read(path: external, languages: ("zh", "en"))
    #expect(g.entries.isEmpty)
  }

  @Test func mergeReportsConflictsInsteadOfOverwriting() throws {
    var g = try Glossary.parse(TestSupport.sampleGlossary, path: "s.tsv")
    let before = g
    let incoming = Glossary(entries: [
      GlossaryEntry(source: "国家主席", target: "State President", status: .preferred),  // second preferred
      GlossaryEntry(source: "国家主席", target: "President", status: .admitted),  // other status
      GlossaryEntry(source: "国家主席", target: "Chairman", status: .deprecated, replacedBy: "President"),  // new
      GlossaryEntry(source: "命运共同体", target: "community with a shared future", status: .preferred),  // same
    ])
    let report = GlossaryImporter.merge(incoming, into: &g, path: "s.tsv")
    #expect(report.added == 1 && report.unchanged == 1 && report.updated == 0)
    #expect(report.conflicts.count == 2)
    #expect(report.conflicts[0].contains("glossary prefers \"President\""))
    #expect(g.entries.count == before.entries.count + 1)
  }
}
