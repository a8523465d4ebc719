/**
 * The model-worker archive (劳模档案): titles and life events, honour allowances paid monthly through the payment
 * engine, yearly attestation of retirees, and model workers' reserved benefits in activities.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Model workers")
package org.gonghui.modelworker;
