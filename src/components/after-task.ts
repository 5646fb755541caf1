/**
 * Calls back in a task after the current one: when the current one is a frame's callbacks,
 * after that frame's rendering (style, layout, paint), so the time until then is what the
 * frame cost. A message's task, unlike a timer's, is not held back by timer clamping.
 */
export function afterTask(callback: () => void): void {
  if (typeof MessageChannel !== 'function') {
    setTimeout(callback, 0);
    return;
  }
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    callback();
  };
  channel.port2.postMessage(null);
}
