import ArgumentParser
import Foundation
import GlossaryKit

struct EditCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "edit",
    abstract: "Change a rendering: its text, status, dates, note, tags.",
    discussion: """
      Refuses changes that make a duplicate row or two preferred renderings valid at the same time.

      Examples:
        glossary edit 一带一路 "the Belt and Road" --status admitted
        glossary edit 中国梦 "the China Dream" --target "the Chinese Dream"
      """
  )

  @Argument(help: "Source term.") var source: String
  @Argument(help: "Current target rendering.") var target: String
  @Option(name: .customLong("target"), help: "New target rendering.") var newTarget: String?
  @OptionGroup var row: RowOptions
  @Option(help: "The concept (id), when the source term belongs to several.") var concept: String?
  @OptionGroup var glossaryOptions: GlossaryWriteOptions

  func run() throws {
    let path = try glossaryOptions.path()
    try GlossaryStore.update(path: path, create: false) { g in
      try g.edit(source: source, target: target, conceptID: concept, path: path) { e in
        if let newTarget {
          let t = newTarget.trimmingCharacters(in: .whitespaces)
          guard !t.isEmpty else { throw ValidationError("--target must not be empty.") }
          e.target = t
        }
        try row.apply(to: &e)
      }
    }
    FileHandle.standardError.write(Data("glossary: edited \(source) -> \(newTarget ?? target) in \(path)\n".utf8))
  }
}
