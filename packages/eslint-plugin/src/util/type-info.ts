import { createRequire } from 'node:module';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';

/** What the rule asks the type checker, when the file has type information. */
export interface TypeInfo {
  /** Whether the contextual type of `node` is a status enum (`code: StatusCodes`). */
  isStatusEnumContext(node: TSESTree.Expression): boolean;
  /** Whether `node` is typed as a status enum. */
  isStatusEnumExpression(node: TSESTree.Node): boolean;
  /**
   * Whether a `number` fits where `slot` sits; `undefined` when TypeScript
   * has no contextual type there.
   */
  numberFits(slot: TSESTree.Expression): boolean | undefined;
  /** Whether `node`'s type accepts any `number` (so a comparison with a `number` narrows nothing). */
  isWideNumber(node: TSESTree.Node): boolean;
}

type TypedServices = {
  program: ts.Program;
  getTypeAtLocation: (node: TSESTree.Node) => ts.Type;
  getContextualType: (node: TSESTree.Expression) => ts.Type | undefined;
};

function typedServices(sourceCode: Readonly<TSESLint.SourceCode>): TypedServices | undefined {
  const services = sourceCode.parserServices;
  if (!services?.program || !services.getTypeAtLocation || !services.getContextualType) return undefined;
  return {
    program: services.program,
    getTypeAtLocation: services.getTypeAtLocation,
    getContextualType: services.getContextualType,
  };
}

let tsModule: typeof ts | undefined;
/** TypeScript itself, loaded only when a file comes with type information (so it is installed). */
function typescript(): typeof ts {
  tsModule ??= createRequire(import.meta.url)('typescript') as typeof ts;
  return tsModule;
}

/**
 * Type queries for the current file, or `undefined` when the parser gave no
 * type information. `enumNames` are the enums that hold status constants.
 */
export function typeInfo(sourceCode: Readonly<TSESLint.SourceCode>, enumNames: ReadonlySet<string>): TypeInfo | undefined {
  const services = typedServices(sourceCode);
  if (!services) return undefined;
  const t = typescript();
  const checker = services.program.getTypeChecker();
  const numberType = checker.getNumberType();

  function enumNameOf(type: ts.Type): string | undefined {
    const symbol = type.aliasSymbol ?? type.getSymbol();
    if (!symbol) return undefined;
    if (symbol.flags & t.SymbolFlags.Enum) return symbol.getName();
    if (symbol.flags & t.SymbolFlags.EnumMember) {
      const decl = symbol.valueDeclaration;
      return decl && t.isEnumMember(decl) ? decl.parent.name.text : undefined;
    }
    return undefined;
  }

  function isStatusEnumType(type: ts.Type): boolean {
    const direct = enumNameOf(type);
    if (direct !== undefined) return enumNames.has(direct);
    if (!type.isUnion()) return false;
    let seen = false;
    for (const part of type.types) {
      if (part.flags & (t.TypeFlags.Undefined | t.TypeFlags.Null)) continue;
      const name = enumNameOf(part);
      if (name === undefined || !enumNames.has(name)) return false;
      seen = true;
    }
    return seen;
  }

  return {
    isStatusEnumContext(node) {
      const type = services.getContextualType(node);
      return type !== undefined && isStatusEnumType(type);
    },
    isStatusEnumExpression(node) {
      return isStatusEnumType(services.getTypeAtLocation(node));
    },
    numberFits(slot) {
      const type = services.getContextualType(slot);
      return type === undefined ? undefined : checker.isTypeAssignableTo(numberType, type);
    },
    isWideNumber(node) {
      return checker.isTypeAssignableTo(numberType, services.getTypeAtLocation(node));
    },
  };
}
