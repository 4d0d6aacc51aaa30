import ArgumentParser
import Foundation
import GlossaryKit

struct RemoveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "remove",
    abstract: "Remove a rendering from a glossary.",
    discussion: """
      Prefer `glossary deprecate` for renderings translators may still meet: a removed row \
      no longer warns anyone.

      Example:
        glossary remove 中国梦 "the China Dream"
      """
  )

  @Argument(help: "Source term.") var source: String
  @Argument(help: "Target rendering.") var target: String
  @Option(help: "The concept (id), when the source term belongs to several.") var concept: String?
  @OptionGroup var glossaryOptions: GlossaryWriteOptions

  func run() throws {
    let path = try glossaryOptions.path()
    try GlossaryStore.update(path: path, create: false) { g in
      try g.remove(source: source, target: target, conceptID: concept, path: path)
    }
    FileHandle.standardError.write(Data("glossary: removed \(source) -> \(target) from \(path)\n".utf8))
  }
}
