import { memo, useCallback, useId, useMemo, useState } from 'react';
import type { PersonRef, Plan, Rotation } from '../../domain/plan';
import { MAX_ROTATION_ROUNDS_STORED } from '../../domain/planning/plan-fields';
import { planRotation } from '../../domain/planning/rotation';
import { createRandom } from '../../domain/random';
import { newSeed, usePlanningTools } from '../../hooks/use-plan-edits';
import type { OnlineUserInfo } from '../../sdk/surface';
import { ActionButton } from '../shared/ActionButton';
import { NextRoundButton } from '../shared/NextRoundButton';
import { WholeNumberInput, wholeNumberIn } from '../shared/WholeNumberInput';
import { peopleToPlace } from './people-to-place';
import { RotationSchedule } from './RotationSchedule';

type Props = { plan: Plan; meId: string; onlineUsers: readonly OnlineUserInfo[] };

type Rule = { kind: 'apart' | 'together'; a: string; b: string };

/** One round is a breakout, not a rotation. */
const MIN_ROUNDS = 2;

/**
 * K rounds with new groups each time, so people meet as many others as possible; some people can
 * be kept apart or together. The schedule is computed here and stored in the plan.
 */
export const RotationPlanner = memo(function RotationPlanner({ plan, meId, onlineUsers }: Props) {
  const { setRotation } = usePlanningTools();
  const id = useId();
  const [rounds, setRounds] = useState('3');
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [rules, setRules] = useState<Rule[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const onlineIds = useMemo(() => new Set(onlineUsers.map((user) => user.id)), [onlineUsers]);
  const people = useMemo(
    () => peopleToPlace(plan, onlineUsers, onlineIds, meId).map(({ id, name }) => ({ id, name })),
    [plan, onlineUsers, onlineIds, meId],
  );
  const nameOf = useMemo(() => new Map(people.map((p) => [p.id, p.name])), [people]);
  const count = wholeNumberIn(rounds, MIN_ROUNDS, MAX_ROTATION_ROUNDS_STORED);
  const validRounds = count !== null;

  const addRule = (kind: Rule['kind']) => {
    if (first === '' || second === '' || first === second) {
      setProblem('Choose two different people.');
      return;
    }
    setProblem(null);
    setRules((current) => [...current, { kind, a: first, b: second }]);
  };

  const planRounds = useCallback(async () => {
    if (count === null) return;
    const result = planRotation({
      people: people.map((person) => person.id),
      roomCount: plan.rooms.length,
      rounds: count,
      random: createRandom(newSeed()),
      keepApart: rules.filter((r) => r.kind === 'apart').map((r) => [r.a, r.b] as const),
      keepTogether: rules.filter((r) => r.kind === 'together').map((r) => [r.a, r.b]),
    });
    if (result.status !== 'ok') {
      setProblem(result.message);
      return;
    }
    setProblem(null);
    const index = new Map(people.map((person, i) => [person.id, i]));
    const rotation: Rotation = {
      people,
      roomIds: plan.rooms.map((room) => room.id),
      rounds: result.rounds.map((round) =>
        round.map((room) => room.map((p) => index.get(p) ?? -1)),
      ),
      next: 0,
      repeatPairs: result.repeatPairs,
      lowerBound: result.lowerBound,
    };
    await setRotation(rotation);
  }, [setRotation, people, plan.rooms, count, rules]);

  const clear = useCallback(() => void setRotation(null), [setRotation]);

  return (
    <section aria-labelledby={`${id}-heading`} className="tool">
      <h3 className="visually-hidden" id={`${id}-heading`}>
        Rotation rounds
      </h3>
      <div className="form-group form-group-small">
        <label htmlFor={`${id}-rounds`}>Rounds</label>
        <WholeNumberInput
          id={`${id}-rounds`}
          min={MIN_ROUNDS}
          max={MAX_ROTATION_ROUNDS_STORED}
          value={rounds}
          invalid={!validRounds}
          onText={setRounds}
        />
      </div>
      <fieldset className="form-group form-group-small">
        <legend>Keep two people apart or together (optional)</legend>
        <div className="button-row">
          <PersonSelect label="First person" people={people} value={first} onChange={setFirst} />
          <PersonSelect label="Second person" people={people} value={second} onChange={setSecond} />
          <button
            type="button"
            className="button button-tertiary button-small"
            onClick={() => addRule('apart')}
          >
            Keep apart
          </button>
          <button
            type="button"
            className="button button-tertiary button-small"
            onClick={() => addRule('together')}
          >
            Keep together
          </button>
        </div>
        {rules.length > 0 && (
          <ul aria-label="Rotation rules" className="plain-list">
            {rules.map((rule, index) => {
              const text = `${nameOf.get(rule.a) ?? rule.a} and ${nameOf.get(rule.b) ?? rule.b}: ${rule.kind === 'apart' ? 'apart' : 'together'}`;
              return (
                <li key={`${rule.kind}-${rule.a}-${rule.b}`} className="person-row">
                  <span>{text}</span>
                  <button
                    type="button"
                    className="button button-tertiary button-small"
                    aria-label={`Remove rule ${text}`}
                    onClick={() => setRules((current) => current.filter((_, i) => i !== index))}
                  >
                    Remove
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </fieldset>
      {problem && <p className="field-error p-small">{problem}</p>}
      <div className="button-row">
        <ActionButton
          small
          disabled={!validRounds || people.length < 2 || plan.rooms.length === 0}
          onClick={planRounds}
        >
          {plan.rotation ? 'Plan new rounds' : 'Plan rounds'}
        </ActionButton>
        {plan.rotation && (
          <ActionButton small variant="tertiary" onClick={clear}>
            Clear rounds
          </ActionButton>
        )}
      </div>
      {plan.rotation && (
        <>
          <RotationSchedule rotation={plan.rotation} rooms={plan.rooms} />
          <NextRoundButton rotation={plan.rotation} />
        </>
      )}
    </section>
  );
});

type PersonSelectProps = {
  label: string;
  people: readonly PersonRef[];
  value: string;
  onChange: (personId: string) => void;
};

/** One person of a keep-apart / keep-together pair. */
function PersonSelect({ label, people, value, onChange }: PersonSelectProps) {
  return (
    <select
      aria-label={label}
      className="select select-small"
      value={value}
      onChange={(event) => onChange(event.target.value)}
    >
      <option value="">{label}</option>
      {people.map((person) => (
        <option key={person.id} value={person.id}>
          {person.name}
        </option>
      ))}
    </select>
  );
}
