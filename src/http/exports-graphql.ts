/**
 * Exports of GraphQL queries: the caller's operation runs through the
 * gateway's schema with the caller's own context (so the same permissions
 * and visibility apply), and the list it selects becomes the rows: the
 * groups of an aggregation, the rows of a comparison, the nodes of a
 * connection (paged with `$after` when the operation declares it), or a
 * plain list. Columns are the leaf fields the operation selects below a row,
 * named by their response paths.
 */
import {
  getOperationAST,
  GraphQLError,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { ExportHeader } from './exports-format.js';

/** What a client sends to export a query. */
export interface GraphQLExportRequest {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

/** A refusal of an export request before any row is sent: HTTP status, code and message. */
export class ExportRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ExportRefusal';
  }
}

/** Chinese names of the response fields analysts export most, joined along a path (e.g. amount.sum → 金额合计). */
const CHINESE_NAMES: Record<string, string> = {
  organization: '组织机构',
  recipientOrganization: '收款单位',
  organizationLevel: '机构层级',
  supplier: '供应商',
  name: '名称',
  id: '编号',
  year: '年度',
  quarter: '季度',
  month: '月份',
  item: '三公项目',
  phase: '预算/决算',
  periodType: '期间类型',
  procurementMethod: '采购方式',
  category: '公开目录类别',
  kind: '信息类型',
  action: '任职/免职',
  count: '数量',
  sum: '合计',
  average: '平均',
  min: '最小',
  max: '最大',
  amount: '金额',
  groups: '团组数',
  travellers: '人数',
  vehiclesPurchased: '购置数',
  vehiclesHeld: '保有量',
  receptions: '接待批次',
  guests: '接待人数',
  tenderValue: '预算金额',
  awardValue: '中标金额',
  tenderers: '投标人数',
  budget: '预算',
  final: '决算',
  previous: '上年同期',
  current: '本期',
  difference: '差额',
  rate: '变动率',
  runningCost: '运行维护费',
  costPerVehicle: '单车费用',
  title: '标题',
  publishedAt: '发布时间',
  indexNumber: '索引号',
  parent: '上级机构',
  creditCode: '统一社会信用代码',
};

interface Column extends ExportHeader {
  path: string[];
}

/** Where the rows are in the result, and what a row selects. */
interface RowShape {
  rootKey: string;
  /** 'list': the root value is the list; 'groups'/'rows': a field of it; 'edges': edges[].node of a connection. */
  container: 'list' | 'groups' | 'rows' | 'edges';
  containerKey: string | null;
  selection: SelectionSetNode;
  pageInfoKey: string | null;
}

const responseKey = (field: FieldNode) => field.alias?.value ?? field.name.value;

function fieldsOf(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (!selection.name.value.startsWith('__')) fields.push(selection);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      fields.push(...fieldsOf(selection.selectionSet, fragments, seen));
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = fragments.get(selection.name.value);
      if (fragment) fields.push(...fieldsOf(fragment.selectionSet, fragments, seen));
    }
  }
  return fields;
}

function leafColumns(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, prefix: string[]): Column[] {
  const columns: Column[] = [];
  const seen = new Set<string>();
  for (const field of fieldsOf(selectionSet, fragments)) {
    const key = responseKey(field);
    if (seen.has(key)) continue;
    seen.add(key);
    const path = [...prefix, key];
    if (field.selectionSet) {
      columns.push(...leafColumns(field.selectionSet, fragments, path));
    } else {
      const name = path.join('.');
      const chinese = path
        .filter((segment) => segment !== 'key' && segment !== 'node')
        .map((segment) => CHINESE_NAMES[segment] ?? '')
        .join('');
      columns.push({ path, name, chinese });
    }
  }
  return columns;
}

function rowShape(document: DocumentNode, operationName: string | null | undefined): RowShape {
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation) throw new ExportRefusal(400, 'BAD_REQUEST', 'Name the operation to export (`operationName`): the document holds several.');
  if (operation.operation !== 'query') throw new ExportRefusal(400, 'BAD_REQUEST', 'Only queries can be exported.');
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const roots = fieldsOf(operation.selectionSet, fragments);
  if (roots.length !== 1 || !roots[0]!.selectionSet) {
    throw new ExportRefusal(400, 'EXPORT_NOT_SUPPORTED', 'An export selects exactly one query field whose list becomes the rows (e.g. one aggregation or one connection).');
  }
  const root = roots[0]!;
  const inner = fieldsOf(root.selectionSet!, fragments);
  const named = (name: string) => inner.find((f) => f.name.value === name && f.selectionSet);
  const groups = named('groups') ?? named('rows');
  if (groups) return { rootKey: responseKey(root), container: groups.name.value as 'groups' | 'rows', containerKey: responseKey(groups), selection: groups.selectionSet!, pageInfoKey: null };
  const edges = named('edges');
  if (edges) {
    const node = fieldsOf(edges.selectionSet!, fragments).find((f) => f.name.value === 'node' && f.selectionSet);
    if (!node) throw new ExportRefusal(400, 'EXPORT_NOT_SUPPORTED', 'A connection export selects `edges { node { … } }`.');
    const pageInfo = inner.find((f) => f.name.value === 'pageInfo');
    return { rootKey: responseKey(root), container: 'edges', containerKey: responseKey(edges), selection: { ...node.selectionSet!, selections: [{ ...node, alias: { kind: Kind.NAME, value: 'node' } }] }, pageInfoKey: pageInfo ? responseKey(pageInfo) : null };
  }
  return { rootKey: responseKey(root), container: 'list', containerKey: null, selection: root.selectionSet!, pageInfoKey: null };
}

function valueAt(row: unknown, path: readonly string[]): string | number | boolean | null {
  let value = row;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return null;
    value = (value as Record<string, unknown>)[segment];
  }
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  // A list of scalars (e.g. other names) in one cell.
  return JSON.stringify(value);
}

/** A prepared export: its columns, and its rows from the first page on (the first page is already executed). */
export interface PreparedGraphQLExport {
  columns: ExportHeader[];
  rows: AsyncIterable<Array<string | number | boolean | null>>;
}

/** How the export runs one page: executes the document with variables in a fresh context of the caller, and says whether a store was missing. */
export type PageExecutor = (document: DocumentNode, variables: Record<string, unknown>) => Promise<{ result: ExecutionResult; incomplete: GraphQLError[] }>;

function firstError(result: ExecutionResult, incomplete: GraphQLError[]): never | void {
  const error = result.errors?.[0] ?? incomplete[0];
  if (!error) return;
  const code = typeof error.extensions?.code === 'string' ? error.extensions.code : 'INTERNAL_SERVER_ERROR';
  const status = code === 'SOURCE_UNAVAILABLE' || code === 'STORE_TIME_LIMIT_EXCEEDED' ? 503 : code === 'INTERNAL_SERVER_ERROR' ? 500 : 400;
  const extensions: Record<string, unknown> = {};
  for (const key of ['source', 'argumentName', 'limit']) if (error.extensions?.[key] !== undefined) extensions[key] = error.extensions[key];
  throw new ExportRefusal(status, code, code === 'INTERNAL_SERVER_ERROR' ? 'Internal server error' : error.message, extensions);
}

/**
 * Parses and validates the request, runs its first page (refusing with the
 * query's own error, or SOURCE_UNAVAILABLE when a store is missing: an
 * export never silently lacks a store), and returns the columns and rows.
 */
export async function prepareGraphQLExport(schema: GraphQLSchema, request: GraphQLExportRequest, runPage: PageExecutor, check: (document: DocumentNode) => void): Promise<PreparedGraphQLExport> {
  if (typeof request.query !== 'string' || request.query.length === 0) throw new ExportRefusal(400, 'BAD_REQUEST', 'The body needs a `query` string.');
  let document: DocumentNode;
  try {
    document = parse(request.query);
  } catch (error) {
    throw new ExportRefusal(400, 'GRAPHQL_PARSE_FAILED', error instanceof GraphQLError ? error.message : 'The query does not parse.');
  }
  const invalid = validate(schema, document);
  if (invalid.length > 0) throw new ExportRefusal(400, 'GRAPHQL_VALIDATION_FAILED', invalid[0]!.message);
  const shape = rowShape(document, request.operationName);
  check(document);
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const columns = leafColumns(shape.selection, fragments, []);
  const operation = getOperationAST(document, request.operationName ?? undefined)!;
  const pages = shape.container === 'edges' && shape.pageInfoKey !== null && (operation.variableDefinitions ?? []).some((v) => v.variable.name.value === 'after');
  const variables = { ...(request.variables ?? {}) };
  const first = await runPage(document, variables);
  firstError(first.result, first.incomplete);

  function page(result: ExecutionResult): { items: unknown[]; next: string | null } {
    const root = (result.data as Record<string, unknown> | null | undefined)?.[shape.rootKey];
    if (shape.container === 'list') return { items: Array.isArray(root) ? root : [], next: null };
    const container = root && typeof root === 'object' ? (root as Record<string, unknown>) : {};
    const list = container[shape.containerKey!];
    const items = Array.isArray(list) ? list : [];
    if (!pages) return { items, next: null };
    const info = container[shape.pageInfoKey!] as { hasNextPage?: boolean; endCursor?: string | null } | undefined;
    return { items, next: info?.hasNextPage && info.endCursor ? info.endCursor : null };
  }

  async function* rows() {
    let current = page(first.result);
    for (;;) {
      for (const item of current.items) yield columns.map((column) => valueAt(item, column.path));
      if (current.next === null) return;
      const next = await runPage(document, { ...variables, after: current.next });
      firstError(next.result, next.incomplete);
      current = page(next.result);
    }
  }
  return { columns: columns.map(({ name, chinese }) => ({ name, chinese })), rows: rows() };
}

