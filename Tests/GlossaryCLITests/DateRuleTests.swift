import Foundation
import GlossaryTestSupport
import Testing

/// `lookup --as-of` labels renderings by their standing on that date, as check and annotate do.
@Suite struct DateRuleTests {
  static let glossary = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../GlossaryKitTests/Fixtures/check/check.zh-en.tsv").standardized.path

  @Test func lookupAsOfLabelsTheRenderingValidThenAsPreferred() throws {
    let r = try TestSupport.run(["lookup", "--glossary", Self.glossary, "--as-of", "2016-01-01", "人类命运共同体"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("preferred  a community with a shared future for mankind  (2012-11-08 to 2021-12-31)  -> later: a community with a shared future for humanity"))
    #expect(!r.stdout.contains("superseded"))
    let late = try TestSupport.run(["lookup", "--glossary", Self.glossary, "--as-of", "2023-01-01", "人类命运共同体"])
    #expect(late.stdout.contains("preferred  a community with a shared future for humanity"))
    #expect(!late.stdout.contains("mankind"))
    let all = try TestSupport.run(["lookup", "--glossary", Self.glossary, "人类命运共同体"])
    #expect(all.stdout.contains("superseded  a community with a shared future for mankind  (2012-11-08 to 2021-12-31)  -> use: a community with a shared future for humanity"))
  }
}
