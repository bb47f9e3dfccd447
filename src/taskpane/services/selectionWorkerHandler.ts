import type { WorkbookData } from '../../core/kernel/model';
import type { TargetGroup } from '../../core/group/targetGroupModel';
import { identityGraph } from '../../core/group/identity';
import { groupForTransfer } from './groupTransfer';
import { PieceAssembler, PieceInbox, piecesOf, type PieceMessage } from './pieces';
import {
  applyRequest,
  type PreviewQuestion,
  type WorkerRequest,
  type WorkerResponse,
} from './selectionPreviewer';

/** Groups the worker keeps for the next preview: the pane's current group and the last previews. */
const KEPT_GROUPS = 4;

/**
 * What selection.worker.ts does with each message, apart from the worker (tests run it behind a structured-clone
 * channel). The data and groups arrive in pieces; a preview's group comes back in pieces too.
 */
export function selectionWorkerHandler(reply: (response: WorkerResponse) => void) {
  let data: WorkbookData | null = null;
  /** The number the data was sent under: a question names the data it asks about. */
  let dataTransfer = -1;
  let incomingData: PieceAssembler | null = null;
  const incomingGroups = new PieceInbox();
  const incomingQuestions = new PieceInbox();
  const groups = new Map<number, TargetGroup>();

  const keep = (id: number, group: TargetGroup) => {
    groups.set(id, group);
    for (const oldest of groups.keys()) if (groups.size > KEPT_GROUPS) groups.delete(oldest);
  };

  const receiveData = (piece: PieceMessage) => {
    if (piece.type === 'begin') {
      data = null;
      incomingData = new PieceAssembler(piece.transfer);
    }
    // pieces of a transfer that a newer one replaced are dropped
    if (incomingData?.transfer !== piece.transfer) return;
    const done = incomingData.accept(piece);
    if (!done) return;
    data = done.value as WorkbookData;
    dataTransfer = piece.transfer;
    incomingData = null;
    // the first preview would build it: build it now, while the user is still choosing
    identityGraph(data);
  };

  // the pane sends its groups whole (see groupForTransfer)
  const receiveGroup = (piece: PieceMessage) => {
    const done = incomingGroups.accept(piece);
    if (done) keep(piece.transfer, done.value as TargetGroup);
  };

  const receiveQuestion = ({
    id,
    data: asked,
    group,
    piece,
  }: Extract<WorkerRequest, { type: 'preview' }>) => {
    const done = incomingQuestions.accept(piece);
    if (done) preview(id, asked, group, done.value as PreviewQuestion);
  };

  const preview = (id: number, asked: number, groupId: number, request: PreviewQuestion) => {
    const group = groups.get(groupId);
    if (!group) return reply({ id, missingGroup: true });
    // the workbook was read again meanwhile: record numbers would name other rows
    if (!data || dataTransfer !== asked) return reply({ id, error: 'not the workbook data asked about' });
    const result = applyRequest({ ...request, group, data });
    keep(id, result);
    for (const piece of piecesOf(id, groupForTransfer(result, data))) reply({ id, piece });
  };

  return (message: WorkerRequest): void => {
    try {
      if (message.type === 'data') receiveData(message.piece);
      else if (message.type === 'group') receiveGroup(message.piece);
      else receiveQuestion(message);
    } catch (error) {
      if (message.type === 'preview')
        reply({ id: message.id, error: error instanceof Error ? error.message : String(error) });
    }
  };
}
