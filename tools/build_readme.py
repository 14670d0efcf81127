"""Assemble README.md from docs/readme/*.md (sections kept in separate files while several people edit them)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ORDER = ["00-intro", "10-design", "formats", "precommit", "clean", "report", "scale", "benchmarks"]


def main() -> None:
    parts = []
    folder = ROOT / "docs" / "readme"
    names = [n for n in ORDER if (folder / f"{n}.md").exists()]
    names += sorted(p.stem for p in folder.glob("*.md") if p.stem not in ORDER)
    for name in names:
        parts.append((folder / f"{name}.md").read_text(encoding="utf-8").strip() + "\n")
    (ROOT / "README.md").write_text("\n".join(parts), encoding="utf-8")
    print(f"README.md from {', '.join(names)}")


if __name__ == "__main__":
    main()
