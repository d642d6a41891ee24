import { lazy } from 'react';

// One chunk for every tool (PlanningTools.tsx), downloaded the first time one is opened.
const tools = () => import('./PlanningTools');

export const SelfSelectTool = lazy(() => tools().then((m) => ({ default: m.SelfSelectTool })));
export const PreAssignTool = lazy(() => tools().then((m) => ({ default: m.PreAssignTool })));
export const RotationTool = lazy(() => tools().then((m) => ({ default: m.RotationTool })));
export const RoomFramesTool = lazy(() => tools().then((m) => ({ default: m.RoomFramesTool })));
export const RoomsFromTemplateTool = lazy(() =>
  tools().then((m) => ({ default: m.RoomsFromTemplateTool })),
);
export const HistoryTool = lazy(() => tools().then((m) => ({ default: m.HistoryTool })));
