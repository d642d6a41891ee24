import { it } from 'vitest';
import { fitNotification, clampNotification } from '../../src/domain/text';
import { planBytes } from '../../src/domain/schema';
import { reduceAll } from '../../src/domain/reducer';
import { planWithRooms, room } from './fixtures';
it('x', () => {
  const name = 'Bartholomew Montgomery-Featherstonehaugh the Third of Wherever';
  const roomName = 'Brainstorming corner for the quarterly planning of everything';
  console.log(JSON.stringify(fitNotification`${name} asks for help in ${roomName}`));
  console.log(JSON.stringify(fitNotification`${'Ada'} asks for help in ${roomName.repeat(3)}`));
  console.log(JSON.stringify(clampNotification('The breakout ends in five minutes. Please wrap up your discussion and get ready to come back.')));
  const frames = Array.from({length: 20}, (_, i) => `345876451234567${1000 + i}`);
  let plan = planWithRooms(...frames);
  const acts = Array.from({length: 500}, (_, i) => ({ type: 'personAssigned' as const, person: { id: `307445734561825${1000 + i}`, name: `Firstname Lastname${i}` }, roomId: room(frames[i % 20] as string) }));
  plan = reduceAll(plan, acts);
  console.log(plan.rooms.length, plan.people.length, 'bytes for 500 people/20 rooms', planBytes(plan), planBytes(plan) / 500);
});
