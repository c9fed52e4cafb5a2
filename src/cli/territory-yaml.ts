import { Document, isMap, isNode, isScalar, isSeq, visit } from 'yaml';
import type { Directory } from '../knowledge/directory';

/**
 * A territory file in the layout of knowledge/directory/*.yaml: a comment header, then `territory`, `structures`,
 * `services` and `contacts_urgence` separated by blank lines, one blank line between entries, lists of scalars on one line.
 */
export function territoryYaml(directory: Directory, header: readonly string[]): string {
  const doc = new Document(directory);
  doc.commentBefore = header.map((line) => ` ${line}`).join('\n');
  visit(doc, {
    Seq(_, seq) {
      if (seq.items.every((item) => isScalar(item))) seq.flow = true;
    },
  });
  if (isMap(doc.contents)) {
    doc.contents.items.forEach((pair, index) => {
      if (index > 0 && isNode(pair.key)) pair.key.spaceBefore = true;
      if (isSeq(pair.value) && !pair.value.flow)
        pair.value.items.forEach((item, position) => {
          if (position > 0 && isNode(item)) item.spaceBefore = true;
        });
    });
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
