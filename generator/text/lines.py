"""The lines of a report as it circulates, joined into blocks.

Every non-empty line is a block (a heading or a paragraph), stripped of the
indentation and invisible characters around it, except where a copy broke a
paragraph: web copies break a line where a link or bold text stood
(…通过了《 / 中共中央关于… / 》，明确提出…) and some wrap long lines
mid-word (…财政收支矛盾较大，经 / 济金融风险…). A line joins the block
before it when

1. it starts with punctuation that cannot start a paragraph (，。、；：》」…);
2. the block before it ends with a mark after which the text must go on
   (《 “ 「 （ —— ，);
3. the block before it is unterminated (no 。！？；： at its end) and cannot be
   a heading: it is long, has a comma, or is followed by another short
   unterminated line rather than by a paragraph;
4. the block before it is a numbered heading and the line is a short,
   unpunctuated rest of it (三、持续提升政府 / 治理效能和服务水平).

Joining loses nothing: blocks are the lines' texts run together.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import headings

# Whitespace and the invisible characters that web copies leave around lines.
INVISIBLE = " \t\u3000\u00a0\u2002\u2003\u2009\u200a\u200b\u200c\u200d\u2060\ufeff"
HEADING_REST_MAX = 12


@dataclass(frozen=True)
class Block:
    """A stretch of the source (one or more lines) read as one heading or paragraph.

    `joined` marks a paragraph that went on past the end of an unterminated line
    (rule 3 below): it is never a heading. Lines joined at punctuation (rules 1
    and 2: 三、关于《 / 纲要 / 》的说明) may still make one.
    """

    line: int
    text: str
    joined: bool = False


def source_lines(text: str) -> list[Block]:
    """Return the non-empty lines of the text, stripped, with their line numbers."""
    found = []
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip(INVISIBLE)
        if stripped:
            found.append(Block(number, stripped))
    return found


def join(lines: list[Block]) -> list[Block]:
    """Return the blocks of a body of lines: fragments of a paragraph run together."""
    blocks: list[Block] = []
    for index, line in enumerate(lines):
        following = lines[index + 1].text if index + 1 < len(lines) else ""
        if blocks and _continues(blocks[-1], line, following):
            last = blocks.pop()
            blocks.append(Block(last.line, last.text + line.text, joined=_run_on(last, line, following)))
        else:
            blocks.append(line)
    return blocks


def _continues(block: Block, line: Block, following: str) -> bool:
    """Tell whether `line` goes on with `block` (see the module's rules)."""
    if headings.continues(line.text) or headings.opens(block.text):
        return True
    if headings.terminated(block.text) or headings.starts_paragraph(line.text) or headings.appendix(block.text):
        return False
    if _heading_rest(block, line, following):
        return True
    head = None if block.joined else headings.heading(block.text)
    if head is None:
        return True
    if head.style == headings.PLAIN:
        return not headings.substantial(line.text)
    return False


def _run_on(block: Block, line: Block, following: str) -> bool:
    """Tell whether a join made a paragraph run on past an unterminated line (rule 3)."""
    if block.joined or _bare_number(block.text):
        return True
    at_punctuation = headings.continues(line.text) or headings.opens(block.text)
    return not at_punctuation and not _heading_rest(block, line, following)


def _bare_number(text: str) -> bool:
    """Tell whether a line is only a list number (四、 or （四）) whose text follows on the next line."""
    number = headings.numbered(text)
    return number is not None and not number.rest.strip()


def _heading_rest(block: Block, line: Block, following: str) -> bool:
    """Tell whether a line is the rest of a numbered heading broken over two lines."""
    head = headings.heading(block.text)
    if head is None or head.style == headings.PLAIN or not head.standalone or block.joined:
        return False
    text = line.text
    short = len(text) <= HEADING_REST_MAX and not headings.PLAIN_FORBIDDEN & set(text)
    return short and headings.numbered(text) is None and headings.substantial(following)
