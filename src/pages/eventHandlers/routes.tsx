/** The event handler screens, behind their permission gate; one chunk with its catalogue part. */
import { gatedScreen as gated } from '../../components/access/ScreenGate';
import { EventHandlerPage as Handler } from './EventHandlerPage';
import { EventHandlersPage as Handlers } from './EventHandlersPage';
import { EditEventHandlerPage as Edit, NewEventHandlerPage as New } from './HandlerFormPage';

export const EventHandlersPage = gated('eventHandlers', Handlers);
export const NewEventHandlerPage = gated('newEventHandler', New);
export const EventHandlerPage = gated('eventHandler', Handler);
export const EditEventHandlerPage = gated('editEventHandler', Edit);
