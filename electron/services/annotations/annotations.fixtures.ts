// Shared data for the annotations service tests: three papers (DOI, arXiv id, title only; emoji and
// TeX in the abstracts), what must survive an export round trip, and the W3C collection's JSON Schema.
import type { Annotation } from '@shared/annotations/types';

export const PAPERS = [
  {
    title: 'Curvature-based rewiring against over-squashing',
    abstract:
      'Graph neural networks over-squash information on long paths. ' +
      'We show that curvature-based rewiring reduces over-squashing by 40%.\n' +
      'Our method needs no labels. The error decays as $O(n^{-1/2})$ for $\\alpha > 1$.',
    doi: '10.1234/rewire.2024',
    authors: ['Ada Lovelace'],
    year: 2024,
  },
  {
    title: 'Scaling laws for mixture of experts',
    abstract: 'We fit power laws to the loss of sparse models. Larger experts help little.',
    arxivId: '2401.00001',
    year: 2023,
  },
  {
    title: 'A paper known only by its title',
    abstract: 'Emoji 🧪 results: café au lait.',
  },
];

/** What must survive a round trip: everything but the library-specific paper id and title. */
export const essence = (a: Annotation) => ({
  id: a.id,
  field: a.field,
  selectors: a.selectors,
  kind: a.kind,
  comment: a.comment,
  created: a.created,
  modified: a.modified,
  anchor: a.anchor,
  orphaned: a.orphaned,
});

/**
 * The W3C Web Annotation Data Model's documented shape (https://www.w3.org/TR/annotation-model/,
 * §3.1 Annotations, §3.2 Bodies and Targets, §3.2.5 Textual Body, §4.2.4 Text Quote Selector,
 * §4.2.5 Text Position Selector, §5 Collections) written as a JSON Schema.
 */
const IRI = { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9+.-]*:\\S+$' };
const DATE_TIME = {
  type: 'string',
  pattern: '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z$',
};
const MOTIVATIONS = [
  'assessing',
  'bookmarking',
  'classifying',
  'commenting',
  'describing',
  'editing',
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging',
];
export const W3C_SCHEMA = {
  $defs: {
    textualBody: {
      type: 'object',
      required: ['type', 'value'],
      properties: {
        type: { const: 'TextualBody' },
        value: { type: 'string' },
        purpose: { enum: MOTIVATIONS },
        format: { type: 'string', pattern: '^[a-z]+/[a-z0-9.+-]+$' },
      },
    },
    quoteSelector: {
      type: 'object',
      required: ['type', 'exact'],
      properties: {
        type: { const: 'TextQuoteSelector' },
        exact: { type: 'string', minLength: 1 },
        prefix: { type: 'string' },
        suffix: { type: 'string' },
      },
    },
    positionSelector: {
      type: 'object',
      required: ['type', 'start', 'end'],
      properties: {
        type: { const: 'TextPositionSelector' },
        start: { type: 'integer', minimum: 0 },
        end: { type: 'integer', minimum: 0 },
      },
    },
    annotation: {
      type: 'object',
      required: ['id', 'type', 'target'],
      properties: {
        id: IRI,
        type: { const: 'Annotation' },
        motivation: { enum: MOTIVATIONS },
        created: DATE_TIME,
        modified: DATE_TIME,
        body: { type: 'array', items: { $ref: '#/$defs/textualBody' }, minItems: 1 },
        target: {
          type: 'object',
          required: ['source', 'selector'],
          properties: {
            source: IRI,
            selector: {
              type: 'array',
              prefixItems: [
                { $ref: '#/$defs/quoteSelector' },
                { $ref: '#/$defs/positionSelector' },
              ],
              minItems: 2,
              maxItems: 2,
            },
          },
        },
      },
    },
  },
  type: 'object',
  required: ['@context', 'type', 'total', 'first'],
  properties: {
    '@context': { const: 'http://www.w3.org/ns/anno.jsonld' },
    type: { const: 'AnnotationCollection' },
    total: { type: 'integer', minimum: 0 },
    first: {
      type: 'object',
      required: ['type', 'items'],
      properties: {
        type: { const: 'AnnotationPage' },
        items: { type: 'array', items: { $ref: '#/$defs/annotation' } },
      },
    },
  },
};
