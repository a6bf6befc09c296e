import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Rules = ReturnType<Storage['getTargetValidationMetadatas']>;

const installed = new WeakSet<Storage>();

/**
 * class-validator works out a class's rules again on every object it validates, testing every decorated
 * class in the process to find the class's ancestors: with this API's hundreds of DTOs that is a large part of
 * the CPU a write spends at the edge. The rules only change while decorators run, so they are remembered per
 * class and options, and all forgotten whenever a rule or constraint is added. The remembered lists are never
 * changed by class-validator, which only filters and reads them.
 */
export function rememberValidationRules(storage: Storage = getMetadataStorage()): void {
  if (installed.has(storage)) return;
  installed.add(storage);
  let rulesByClass = new Map<unknown, Map<string, Rules>>();
  let groupedByRules = new WeakMap<Rules, ReturnType<Storage['groupByPropertyName']>>();
  const forget = () => {
    rulesByClass = new Map();
    groupedByRules = new WeakMap();
  };

  const rulesOf = storage.getTargetValidationMetadatas.bind(storage);
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = JSON.stringify([schema ?? null, always, strictGroups, groups ?? null]);
    let forClass = rulesByClass.get(target);
    if (!forClass) rulesByClass.set(target, (forClass = new Map()));
    let rules = forClass.get(key);
    if (!rules) forClass.set(key, (rules = rulesOf(target, schema, always, strictGroups, groups)));
    return rules;
  };

  const group = storage.groupByPropertyName.bind(storage);
  storage.groupByPropertyName = (rules) => {
    let grouped = groupedByRules.get(rules);
    if (!grouped) groupedByRules.set(rules, (grouped = group(rules)));
    return grouped;
  };

  for (const method of ['addValidationMetadata', 'addConstraintMetadata'] as const) {
    const add = storage[method].bind(storage) as (metadata: unknown) => void;
    (storage[method] as (metadata: unknown) => void) = (metadata) => {
      add(metadata);
      forget();
    };
  }
}
